package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SigningKeyPinned;

/**
 * An admin pinned the fingerprint (SHA-256, hex, of the 32 raw public-key bytes) of the first signing key the
 * organization published at {@code source}: only a first key with that fingerprint signs as {@code organization-key}.
 * The relay publishes its {@link #publicForm() public form} ({@link SigningKeyPinned}, the same facts), which is part of
 * the organization's key history: an auditor sees who pinned which fingerprint from which publication.
 */
@Revision("1")
public record SigningKeyFingerprintPinned(
        OrganizationId organizationId, String fingerprint, String source, Instant pinnedAt, String pinnedBy) {

    /** What the topic and the auditors' history say of it, under the public contract's name. */
    public SigningKeyPinned publicForm() {
        return new SigningKeyPinned(organizationId, fingerprint, source, pinnedAt, pinnedBy);
    }
}
