package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.OrganizationId;

/**
 * {@code keyHash} is the SHA-256 of the organization's first API key; the key itself never enters the system.
 * {@code handle} is the organization's readable name (a slug), unique among organizations.
 */
public record RegisterOrganizationCommand(
        @TargetAggregateIdentifier OrganizationId organizationId,
        String handle,
        String name,
        String country,
        String region,
        String kind,
        String website,
        String credentialId,
        String keyHash,
        Instant at) {}
