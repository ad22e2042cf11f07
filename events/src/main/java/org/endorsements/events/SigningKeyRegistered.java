package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An organization's Ed25519 public key (base64 of its 32 raw bytes) may sign from {@code registeredAt} on. Either
 * {@code certification} is set (a current key of the organization, or for its first key the new key itself, signed
 * the registration) or the admin registered it in a recovery, with {@code recoveryReason}. {@code assurance} is
 * what the key's signatures prove: {@code organization-key}, or {@code admin-issued-credential} when an admin, or a
 * credential an admin issued, stands behind it, directly or through the key that certified it.
 */
@Revision("1")
public record SigningKeyRegistered(
        OrganizationId organizationId,
        SigningKeyId keyId,
        String publicKey,
        Instant registeredAt,
        String registeredBy,
        KeyCertification certification,
        String recoveryReason,
        AssuranceLevel assurance)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return organizationId.value();
    }

    public boolean adminRecovery() {
        return certification == null;
    }
}
