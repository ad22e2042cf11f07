package org.endorsements.command.organization;

import java.time.Instant;
import org.endorsements.events.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeCredentialCommand(
        @TargetAggregateIdentifier OrganizationId organizationId,
        Instant at) {
}
