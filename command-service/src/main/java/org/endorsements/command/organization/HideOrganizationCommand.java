package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.OrganizationId;

/** "Hide us now"; {@code reason} is required of an admin, who acts on the organization's request elsewhere. */
public record HideOrganizationCommand(
        @TargetAggregateIdentifier OrganizationId organizationId, String reason, Instant at) {}
