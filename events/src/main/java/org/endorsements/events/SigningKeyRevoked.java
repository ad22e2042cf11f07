package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A signing key stopped being accepted at {@code revokedAt}; signatures it made before stay valid. */
@Revision("1")
public record SigningKeyRevoked(
        OrganizationId organizationId, SigningKeyId keyId, String reason, Instant revokedAt, String revokedBy)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return organizationId.value();
    }
}
