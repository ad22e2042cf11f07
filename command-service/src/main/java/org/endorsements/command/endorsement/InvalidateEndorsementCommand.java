package org.endorsements.command.endorsement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.InvalidationCategory;

/** An admin's decision that the current endorsement must not count; {@code reason} is required. */
public record InvalidateEndorsementCommand(
        @TargetAggregateIdentifier EndorsementId endorsementId,
        InvalidationCategory category,
        String reason,
        String requestId,
        Instant at) {}
