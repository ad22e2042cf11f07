package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.endorsements.events.OrganizationId;

/**
 * An admin pinned the fingerprint (SHA-256, hex, of the 32 raw public-key bytes) of the first signing key the
 * organization published at {@code source}: only a first key with that fingerprint signs as {@code organization-key}.
 * Stored here only: what it gates is public (the key's public half is on the topic, and anyone can compare its
 * fingerprint with the organization's own publication).
 */
@Revision("1")
public record SigningKeyFingerprintPinned(
        OrganizationId organizationId, String fingerprint, String source, Instant pinnedAt, String pinnedBy) {}
