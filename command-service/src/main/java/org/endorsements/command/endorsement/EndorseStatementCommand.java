package org.endorsements.command.endorsement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementSource;

/**
 * {@code entryNumber} is the position on an imported sign-on letter; null for signatures through the API.
 * {@code signature} is the organization's Ed25519 signature of the endorsement, or null for an unsigned one.
 */
public record EndorseStatementCommand(
        @TargetAggregateIdentifier EndorsementId endorsementId,
        EndorsementSource source,
        Integer entryNumber,
        String requestId,
        Instant at,
        ActionSignature signature) {

    /** An unsigned endorsement. */
    public EndorseStatementCommand(
            EndorsementId endorsementId, EndorsementSource source, Integer entryNumber, String requestId, Instant at) {
        this(endorsementId, source, entryNumber, requestId, at, null);
    }
}
