package org.endorsements.command.endorsement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.command.shared.Actor;

public record WithdrawEndorsementCommand(
        @TargetAggregateIdentifier EndorsementId endorsementId,
        String reason,
        String requestId,
        Actor actor,
        Instant at) {
}
