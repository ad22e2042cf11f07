package org.endorsements.command.endorsement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.command.shared.GroupCommitted;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.EndorsementId;

/** {@code signature} is the organization's Ed25519 signature of the withdrawal, or null for an unsigned one. */
public record WithdrawEndorsementCommand(
        @TargetAggregateIdentifier EndorsementId endorsementId,
        String reason,
        String requestId,
        Instant at,
        ActionSignature signature)
        implements GroupCommitted {

    /** An unsigned withdrawal. */
    public WithdrawEndorsementCommand(EndorsementId endorsementId, String reason, String requestId, Instant at) {
        this(endorsementId, reason, requestId, at, null);
    }
}
