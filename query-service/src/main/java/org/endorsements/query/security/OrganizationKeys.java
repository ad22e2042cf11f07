package org.endorsements.query.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.endorsements.events.Caller;
import org.endorsements.events.CredentialDigest;
import org.endorsements.events.OrganizationId;
import org.springframework.stereotype.Component;

/**
 * Whose each organization key is, by the key's SHA-256, as the command service publishes it on the private
 * credential topic (see {@code events/TOPIC.md}). Held in memory and checked locally: no request ever makes this
 * service ask the command service about a key, so a flood of unknown keys costs one hash and one map look-up each.
 */
@Component
public class OrganizationKeys {

    private volatile Table live = new Table();
    private volatile boolean caughtUp;

    public Optional<String> organizationOf(String keyHash) {
        return live.organizationOf(keyHash);
    }

    /** The organization caller a key opens: its organization and the credential it is. */
    public Optional<Caller> callerOf(String keyHash) {
        return live.callerOf(keyHash);
    }

    /** Applies one record of the topic; {@code digest} null (a tombstone) or inactive means no key opens anything. */
    public synchronized void apply(String organizationId, CredentialDigest digest) {
        live.apply(organizationId, digest);
    }

    /** Whether the topic has been read to its end once since start (until then, recent keys may be unknown). */
    public boolean caughtUp() {
        return caughtUp;
    }

    public void markCaughtUp() {
        caughtUp = true;
    }

    /**
     * Puts a table read again from the topic's start in place of the one in use, once that reading has caught up.
     * Until then the table in use goes on answering (a broker hiccup refuses no valid key); replaced rather than
     * kept, because compaction may since have removed the tombstone of a key revoked meanwhile, and a key kept
     * from before would then open forever.
     */
    public synchronized void replace(Table table) {
        live = table;
        caughtUp = true;
    }

    public int size() {
        return live.size();
    }

    /** The digests of one reading of the topic. */
    public static final class Table {

        /** The current digest of each organization (at most one active key each). */
        private final Map<String, CredentialDigest> byOrganization = new ConcurrentHashMap<>();
        /** The same digests by key hash: the look-up a request makes. */
        private final Map<String, String> organizationByKeyHash = new ConcurrentHashMap<>();

        Optional<String> organizationOf(String keyHash) {
            return Optional.ofNullable(organizationByKeyHash.get(keyHash));
        }

        Optional<Caller> callerOf(String keyHash) {
            return organizationOf(keyHash)
                    .map(byOrganization::get)
                    .filter(d -> d.keyHash().equals(keyHash))
                    .map(d -> Caller.organization(OrganizationId.of(d.organizationId()), d.credentialId()));
        }

        public synchronized void apply(String organizationId, CredentialDigest digest) {
            CredentialDigest previous = digest != null && digest.active()
                    ? byOrganization.put(organizationId, digest)
                    : byOrganization.remove(organizationId);
            if (previous != null) {
                organizationByKeyHash.remove(previous.keyHash(), organizationId);
            }
            if (digest != null && digest.active()) {
                organizationByKeyHash.put(digest.keyHash(), organizationId);
            }
        }

        public int size() {
            return byOrganization.size();
        }
    }
}
