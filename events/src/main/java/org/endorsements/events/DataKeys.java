package org.endorsements.events;

import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Where the per-organization data keys that open personal fields come from: the command side's key store, or, on
 * the query side, the command service's internal endpoint.
 */
public interface DataKeys {

    /**
     * The organization's AES-256 data key; empty when it was destroyed (the organization's personal data is erased).
     *
     * @throws DataKeysUnavailableException when the keys cannot be reached now (worth retrying)
     */
    Optional<SecretKey> find(OrganizationId organizationId);

    /**
     * The organization's personal data was erased (its erasure event was read): a copy of its key held here must
     * be dropped at once, so that nothing read afterwards (a replay, say) is opened with it. Holders of no copy
     * have nothing to do.
     */
    default void erased(OrganizationId organizationId) {}

    /** The key source is unreachable for now: nothing is wrong with the event, try again later. */
    final class DataKeysUnavailableException extends RuntimeException {
        public DataKeysUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
