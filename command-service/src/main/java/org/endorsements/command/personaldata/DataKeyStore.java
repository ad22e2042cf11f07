package org.endorsements.command.personaldata;

import java.util.Optional;
import javax.crypto.SecretKey;
import org.endorsements.events.DataKeys;
import org.endorsements.events.OrganizationId;

/** The organizations' data keys, each stored only wrapped under the master key. */
public interface DataKeyStore extends DataKeys {

    /** What is known of an organization's data key. */
    enum State {
        /** Never created: the organization is unknown, or has no personal data yet. */
        UNKNOWN,
        PRESENT,
        /** Destroyed: whatever was sealed with it can no longer be opened anywhere. */
        ERASED
    }

    State stateOf(OrganizationId organizationId);

    /**
     * The key new personal fields of the organization are sealed with, created on first use.
     *
     * @throws PersonalDataErasedException when the organization's key was destroyed
     */
    SecretKey sealingKey(OrganizationId organizationId);

    /** The key, or empty when it was destroyed or never created; see {@link #stateOf} to tell them apart. */
    @Override
    Optional<SecretKey> find(OrganizationId organizationId);

    /**
     * Destroys the organization's data key (crypto-shredding): from then on its personal fields read as erased in
     * every copy of the event store and the topic. Destroying an erased or unknown organization's key changes
     * nothing but marks it erased. Called by the erasure of an organization's personal data.
     */
    void destroy(OrganizationId organizationId);

    /** The sealing key, or null when the organization's key was destroyed: what would be sealed is dropped. */
    default SecretKey sealingKeyUnlessErased(OrganizationId organizationId) {
        try {
            return sealingKey(organizationId);
        } catch (PersonalDataErasedException erased) {
            return null;
        }
    }

    /** The keyed digest the registry keeps a handle unique by ({@link MasterKey#handleDigest}). */
    String handleDigest(String handle);

    /** Thrown when personal data would be sealed for an organization whose key was destroyed. */
    final class PersonalDataErasedException extends IllegalStateException {
        public PersonalDataErasedException(OrganizationId organizationId) {
            super("the personal data of organization " + organizationId + " was erased: nothing new is sealed for it");
        }
    }
}
