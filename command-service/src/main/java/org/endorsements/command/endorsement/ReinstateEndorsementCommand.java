package org.endorsements.command.endorsement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.EndorsementId;

/** An admin undoes an invalidation; {@code reason} is optional. */
public record ReinstateEndorsementCommand(
        @TargetAggregateIdentifier EndorsementId endorsementId, String reason, String requestId, Instant at) {}
