package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An organization's API key stopped working at {@code revokedAt}: revoked, or rotated away (then an
 * {@link ApiCredentialIssued} of the same organization follows at the same instant). What it endorsed stays.
 */
@Revision("1")
public record ApiCredentialRevoked(
        OrganizationId organizationId, String credentialId, Instant revokedAt, String revokedBy)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return organizationId.value();
    }
}
