package org.endorsements.command.endorsement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.command.shared.GroupCommitted;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;

/**
 * {@code entryNumber} is the position on an imported sign-on letter; null for signatures through the API.
 * {@code visibility} is what the endorser chose, null when it chose nothing. {@code signature} is the
 * organization's Ed25519 signature of the endorsement, or null for an unsigned one. {@code readContentHash} is the
 * hash of the text the signer read (the version's own or a translation), null when it did not say: then the
 * signature's, or the version's own.
 */
public record EndorseStatementCommand(
        @TargetAggregateIdentifier EndorsementId endorsementId,
        EndorsementSource source,
        Integer entryNumber,
        String requestId,
        Instant at,
        EndorsementVisibility visibility,
        ActionSignature signature,
        String readContentHash)
        implements GroupCommitted {

    /** An unsigned endorsement whose endorser chose no visibility. */
    public EndorseStatementCommand(
            EndorsementId endorsementId, EndorsementSource source, Integer entryNumber, String requestId, Instant at) {
        this(endorsementId, source, entryNumber, requestId, at, null, null, null);
    }

    /** An unsigned endorsement. */
    public EndorseStatementCommand(
            EndorsementId endorsementId,
            EndorsementSource source,
            Integer entryNumber,
            String requestId,
            Instant at,
            EndorsementVisibility visibility) {
        this(endorsementId, source, entryNumber, requestId, at, visibility, null, null);
    }

    /** A signed endorsement whose endorser chose no visibility. */
    public EndorseStatementCommand(
            EndorsementId endorsementId,
            EndorsementSource source,
            Integer entryNumber,
            String requestId,
            Instant at,
            ActionSignature signature) {
        this(endorsementId, source, entryNumber, requestId, at, null, signature, null);
    }
}
