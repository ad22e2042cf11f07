package org.endorsements.command.endorsement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementSource;

/** {@code entryNumber} is the position on an imported sign-on letter; null for signatures through the API. */
public record EndorseStatementCommand(
        @TargetAggregateIdentifier EndorsementId endorsementId,
        EndorsementSource source,
        Integer entryNumber,
        String requestId,
        Instant at) {}
