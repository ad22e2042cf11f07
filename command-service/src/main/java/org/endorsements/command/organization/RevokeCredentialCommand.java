package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.OrganizationId;

public record RevokeCredentialCommand(
        @TargetAggregateIdentifier OrganizationId organizationId, Instant at) {}
