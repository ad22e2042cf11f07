package org.endorsements.command.endorsement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementVisibility;

public record ChangeEndorsementVisibilityCommand(
        @TargetAggregateIdentifier EndorsementId endorsementId,
        EndorsementVisibility visibility,
        String requestId,
        Instant at) {}
