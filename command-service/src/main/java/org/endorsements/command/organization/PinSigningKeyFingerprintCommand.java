package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.OrganizationId;

/**
 * An admin records the fingerprint of the first signing key the organization published outside the platform, and
 * where ({@code source}: an address or a description a reader can check).
 */
public record PinSigningKeyFingerprintCommand(
        @TargetAggregateIdentifier OrganizationId organizationId, String fingerprint, String source, Instant at) {}
