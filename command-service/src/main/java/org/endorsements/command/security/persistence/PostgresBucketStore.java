package org.endorsements.command.security.persistence;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.endorsements.command.security.BucketStore;
import org.endorsements.command.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Buckets in the PostgreSQL event store's database (table {@code rate_limit_bucket}, Flyway), shared by every
 * instance of the service: bucket4j's SELECT ... FOR UPDATE backend. A row expires once its bucket would be full
 * again, and expired rows are deleted in the background.
 */
public final class PostgresBucketStore implements BucketStore, DisposableBean {

    public static final String TABLE = "rate_limit_bucket";
    private static final Logger log = LoggerFactory.getLogger(PostgresBucketStore.class);
    /** Organizations that share a stripe wait for each other: with a pool of a few connections, rarely for long. */
    private static final int TURN_STRIPES = 64;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;
    private final int removeBatch;
    private final DataSource dataSource;
    private final boolean ownsDataSource;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rate-limit-bucket-cleaner");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * The admin's key keeps one proxy: bucket4j's batching merges its concurrent requests (imports and benchmarks,
     * thousands a second) into one update.
     */
    private final ConcurrentMap<String, BucketProxy> batched = new ConcurrentHashMap<>();
    /**
     * A burst from one organization takes from one row, under its lock, one transaction at a time. Taken straight
     * from the pool, each waiting take held a connection or waited for one, and those that waited longer than the
     * pool's timeout were refused (503); here they wait their turn in this process, holding nothing. Batching would
     * merge them, but bucket4j's batches fail with BucketNotFoundException while the row does not exist yet, as it
     * does not after every idle minute. Striped: any number of organizations, a fixed number of locks.
     */
    private final Striped turns = new Striped(TURN_STRIPES);

    private final java.time.Duration turnTimeout;

    /** @param ownsDataSource whether {@link #destroy} closes the pool (the store's own, not the event store's) */
    public PostgresBucketStore(DataSource dataSource, SecurityProperties.Buckets settings, boolean ownsDataSource) {
        this.removeBatch = settings.removeBatch();
        this.dataSource = dataSource;
        this.ownsDataSource = ownsDataSource;
        this.turnTimeout = settings.turnTimeout();
        this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(settings.keepAfterFull()))
                .build();
        long every = settings.removeEvery().toMillis();
        cleaner.scheduleWithFixedDelay(this::removeExpired, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, Keys keys) {
        if (keys == Keys.OPEN) {
            return proxies.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        }
        if (keys == Keys.BUSY) {
            return batched.computeIfAbsent(
                            key,
                            k -> proxies.builder()
                                    .withOptimization(Optimizations.batching())
                                    .build(k, () -> configuration))
                    .tryConsumeAndReturnRemaining(1);
        }
        ReentrantLock turn = turns.of(key);
        try {
            if (!turn.tryLock(turnTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the requests before this one of the same caller take too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the bucket", e);
        }
        try {
            return proxies.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
        } finally {
            turn.unlock();
        }
    }

    /** A fixed set of locks, one chosen per key by its hash. */
    private static final class Striped {

        private final ReentrantLock[] locks;

        Striped(int stripes) {
            locks = new ReentrantLock[stripes];
            for (int i = 0; i < stripes; i++) {
                locks[i] = new ReentrantLock();
            }
        }

        ReentrantLock of(String key) {
            return locks[Math.floorMod(key.hashCode(), locks.length)];
        }
    }

    private void removeExpired() {
        try {
            while (proxies.removeExpired(removeBatch) >= removeBatch) {
                // more to remove
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove expired rate-limit buckets: {}", e.toString());
        }
    }

    @Override
    public void destroy() throws Exception {
        cleaner.shutdownNow();
        if (ownsDataSource && dataSource instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
