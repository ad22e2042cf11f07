package org.endorsements.command.personaldata.persistence;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.endorsements.command.personaldata.DataKeyStore;
import org.endorsements.command.personaldata.MasterKey;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.Sealed;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data keys in the command database, wrapped under the master key; unwrapped ones are cached in memory only
 * (bounded, least recently used out), never written anywhere in plain.
 */
public class JdbcDataKeyStore implements DataKeyStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final MasterKey masterKey;
    /** A key is created in a transaction of its own, committed at once: a registration that fails leaves an unused key. */
    private final TransactionTemplate ownTransaction;

    private final Map<OrganizationId, SecretKey> cache;

    public JdbcDataKeyStore(
            JdbcClient jdbc, MasterKey masterKey, PlatformTransactionManager transactions, int cacheSize) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<OrganizationId, SecretKey> eldest) {
                return size() > cacheSize;
            }
        });
    }

    private record Row(String wrappedKey, boolean destroyed) {}

    private Optional<Row> row(OrganizationId organizationId) {
        return jdbc.sql("SELECT wrapped_key, destroyed FROM organization_data_key WHERE organization_id = ?")
                .param(organizationId.value())
                .query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2)))
                .optional();
    }

    @Override
    public State stateOf(OrganizationId organizationId) {
        // Always the database's word, never the cache's: another instance may have destroyed the key since this one
        // cached it, and the internal endpoint must not hand out a destroyed key.
        return row(organizationId)
                .map(row -> row.destroyed() ? State.ERASED : State.PRESENT)
                .orElse(State.UNKNOWN);
    }

    @Override
    public Optional<SecretKey> find(OrganizationId organizationId) {
        SecretKey cached = cache.get(organizationId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Row> row = row(organizationId);
        if (row.isEmpty() || row.get().destroyed()) {
            return Optional.empty();
        }
        SecretKey key = masterKey.unwrap(organizationId, row.get().wrappedKey());
        cache.put(organizationId, key);
        return Optional.of(key);
    }

    @Override
    public SecretKey sealingKey(OrganizationId organizationId) {
        Optional<SecretKey> existing = find(organizationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (stateOf(organizationId) == State.ERASED) {
            throw new PersonalDataErasedException(organizationId);
        }
        byte[] bytes = new byte[Sealed.KEY_BYTES];
        RANDOM.nextBytes(bytes);
        SecretKey key = new SecretKeySpec(bytes, "AES");
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql(
                            "INSERT INTO organization_data_key (organization_id, wrapped_key, destroyed) VALUES (?, ?, FALSE)")
                    .params(organizationId.value(), masterKey.wrap(organizationId, key))
                    .update());
        } catch (DuplicateKeyException raced) {
            // another registration of the same id (here or on another instance) created it first: use that one
            return find(organizationId).orElseThrow(() -> new PersonalDataErasedException(organizationId));
        }
        cache.put(organizationId, key);
        return key;
    }

    @Override
    public void destroy(OrganizationId organizationId) {
        cache.remove(organizationId);
        // Until the erasure commits, another thread may read the committed row and cache the key again: evict once
        // more after the commit.
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            cache.remove(organizationId);
                        }
                    });
        }
        int updated = jdbc.sql(
                        "UPDATE organization_data_key SET wrapped_key = NULL, destroyed = TRUE WHERE organization_id = ?")
                .param(organizationId.value())
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO organization_data_key (organization_id, wrapped_key, destroyed) VALUES (?, NULL, TRUE)")
                    .param(organizationId.value())
                    .update();
        }
        cache.remove(organizationId);
    }

    @Override
    public String handleDigest(String handle) {
        return masterKey.handleDigest(handle);
    }
}
