package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.KeyCertification;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SigningKeyId;

/**
 * Registers an Ed25519 public key (base64 of its 32 raw bytes) for the organization. An organization sends a
 * {@code certification}; an admin sends a {@code recoveryReason} instead.
 */
public record RegisterSigningKeyCommand(
        @TargetAggregateIdentifier OrganizationId organizationId,
        SigningKeyId keyId,
        String publicKey,
        KeyCertification certification,
        String recoveryReason,
        Instant at) {}
