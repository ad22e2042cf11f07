package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.endorsements.events.ApiCredentialRevoked;
import org.endorsements.events.OrganizationId;

/**
 * An API key stopped working, because it was rotated or revoked. Stored only here; the relay publishes its
 * {@link #publicForm() public form}.
 */
@Revision("1")
public record CredentialRevoked(
        OrganizationId organizationId, String credentialId, Instant revokedAt, String revokedBy) {

    public ApiCredentialRevoked publicForm() {
        return new ApiCredentialRevoked(organizationId, credentialId, revokedAt, revokedBy);
    }
}
