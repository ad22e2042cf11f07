package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.endorsements.events.ApiCredentialIssued;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.OrganizationId;

/**
 * An API key was issued. Stored only here, with the key's SHA-256 the command side authenticates by; the relay
 * publishes its {@link #publicForm() public form}. {@code assurance} (revision 2) is what endorsements made with it prove: {@code organization-credential}
 * for the key handed over at registration or rotated by the organization with such a key,
 * {@code admin-issued-credential} for one an admin issued later or rotated from such a key. Older events read as
 * {@code organization-credential}: who issued them was not told apart then.
 */
@Revision("2")
public record CredentialIssued(
        OrganizationId organizationId,
        String credentialId,
        String keyHash,
        Instant issuedAt,
        String issuedBy,
        AssuranceLevel assurance) {

    public CredentialIssued {
        if (assurance == null) {
            assurance = AssuranceLevel.ORGANIZATION_CREDENTIAL;
        }
    }

    /** What the topic and the auditors' history say of it: the same facts, under the public contract's name. */
    public ApiCredentialIssued publicForm() {
        return new ApiCredentialIssued(organizationId, credentialId, keyHash, issuedAt, issuedBy, assurance);
    }

    /** A credential as revision 1 recorded it. */
    public CredentialIssued(
            OrganizationId organizationId, String credentialId, String keyHash, Instant issuedAt, String issuedBy) {
        this(organizationId, credentialId, keyHash, issuedAt, issuedBy, null);
    }
}
