package org.endorsements.command.registry;

import java.util.Optional;
import org.endorsements.command.organization.RegisteredOrganizations;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SigningKeyId;

/**
 * The command side's own knowledge of organizations and their API credentials (the SHA-256 of each key only), kept
 * in the transaction that appends their events, like {@link StatementRegistry}.
 */
public interface OrganizationRegistry extends RegisteredOrganizations {

    record Entry(OrganizationId organizationId, String name, boolean suspended) {}

    record Credential(OrganizationId organizationId, String credentialId, String keyHash) {}

    /** A signing key that has not been revoked. */
    record SigningKey(OrganizationId organizationId, SigningKeyId keyId, String publicKey, AssuranceLevel assurance) {}

    Optional<Entry> find(OrganizationId organizationId);

    /** Whether the organization asked to be hidden; false for an unknown one. */
    boolean isHidden(OrganizationId organizationId);

    Optional<SigningKey> currentSigningKey(OrganizationId organizationId, SigningKeyId keyId);

    /** What the credential with this id proves when used (see {@code events/TOPIC.md}, assurance levels). */
    Optional<AssuranceLevel> credentialAssurance(String credentialId);

    /**
     * The active credential whose key has this SHA-256, if any. A suspended organization has none: its keys may be in
     * the hands of whoever had it suspended, so they must neither withdraw its signatures nor mint new keys.
     */
    Optional<Credential> activeCredential(String keyHash);

    @Override
    default boolean isRegistered(OrganizationId organizationId) {
        return find(organizationId).isPresent();
    }

    @Override
    default boolean isSuspended(OrganizationId organizationId) {
        return find(organizationId).map(Entry::suspended).orElse(false);
    }
}
