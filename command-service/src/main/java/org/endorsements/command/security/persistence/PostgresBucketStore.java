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
     * Registered callers keep one proxy each: bucket4j's batching then merges their concurrent requests into one
     * update. Without it a burst from one organization queues one SELECT ... FOR UPDATE per request on the same row,
     * behind a small pool, and requests that wait longer than the pool's timeout were refused with 503.
     */
    private final ConcurrentMap<String, BucketProxy> batched = new ConcurrentHashMap<>();

    /** @param ownsDataSource whether {@link #destroy} closes the pool (the store's own, not the event store's) */
    public PostgresBucketStore(DataSource dataSource, SecurityProperties.Buckets settings, boolean ownsDataSource) {
        this.removeBatch = settings.removeBatch();
        this.dataSource = dataSource;
        this.ownsDataSource = ownsDataSource;
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
        BucketProxy bucket = keys == Keys.REGISTERED
                ? batched.computeIfAbsent(
                        key,
                        k -> proxies.builder()
                                .withOptimization(Optimizations.batching())
                                .build(k, () -> configuration))
                : proxies.builder().build(key, () -> configuration);
        return bucket.tryConsumeAndReturnRemaining(1);
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
