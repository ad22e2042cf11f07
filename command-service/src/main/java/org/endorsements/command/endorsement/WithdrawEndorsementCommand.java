package org.endorsements.command.endorsement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.EndorsementId;

public record WithdrawEndorsementCommand(
        @TargetAggregateIdentifier EndorsementId endorsementId, String reason, String requestId, Instant at) {}
