package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.OrganizationId;

public record SuspendOrganizationCommand(
        @TargetAggregateIdentifier OrganizationId organizationId, String reason, Instant at) {}
