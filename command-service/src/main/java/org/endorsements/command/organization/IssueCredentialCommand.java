package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.OrganizationId;

/** Rotates the organization's API key: the new one replaces the current one, which stops working. */
public record IssueCredentialCommand(
        @TargetAggregateIdentifier OrganizationId organizationId, String credentialId, String keyHash, Instant at) {}
