package org.endorsements.command.organization;

import java.time.Instant;
import org.endorsements.events.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SuspendOrganizationCommand(
        @TargetAggregateIdentifier OrganizationId organizationId,
        String reason,
        Instant at) {
}
