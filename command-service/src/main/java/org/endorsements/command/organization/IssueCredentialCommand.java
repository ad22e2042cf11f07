package org.endorsements.command.organization;

import java.time.Instant;
import org.endorsements.events.OrganizationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rotates the organization's API key: the new one replaces the current one, which stops working. */
public record IssueCredentialCommand(
        @TargetAggregateIdentifier OrganizationId organizationId,
        String credentialId,
        String keyHash,
        Instant at) {
}
