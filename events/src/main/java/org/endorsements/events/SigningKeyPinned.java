package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An admin pinned {@code fingerprint} (lower-case hex SHA-256 of the 32 raw public-key bytes) as the one of the first
 * signing key the organization published at {@code source}: only a first key with that fingerprint signs as
 * {@code organization-key}. Public, and part of the organization's key history ({@link KeyHistoryCommitment}), so
 * that an auditor sees who pinned which fingerprint from which publication, and can compare it with that
 * publication itself.
 */
@Revision("1")
public record SigningKeyPinned(
        OrganizationId organizationId, String fingerprint, String source, Instant pinnedAt, String pinnedBy)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return organizationId.value();
    }
}
