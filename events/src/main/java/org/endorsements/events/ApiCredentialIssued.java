package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An organization's API key was issued, at its registration or by a rotation. Public so that an auditor can tell,
 * for every endorsement made with it (its actor {@code credential:<credentialId>}), who held what made it:
 * {@code issuedBy} is {@code admin} or the organization's previous credential ({@code credential:<id>}), and
 * {@code assurance} is what endorsements made with it prove ({@code organization-credential} or
 * {@code admin-issued-credential}). Only the key's digest is published ({@code keyDigest}: the lower-case hex
 * SHA-256 of the key, which the organization can recompute from the key it holds), never the key.
 */
@Revision("1")
public record ApiCredentialIssued(
        OrganizationId organizationId,
        String credentialId,
        String keyDigest,
        Instant issuedAt,
        String issuedBy,
        AssuranceLevel assurance)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return organizationId.value();
    }
}
