package org.endorsements.command.shared.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 event store file bounded.
 * <p>
 * The store runs with {@code WRITE_DELAY=0} so that every acknowledged command is in the file before the client
 * hears of it. H2 then writes one chunk per commit and, with no background writer, never rewrites chunks that are
 * mostly dead but still hold a live page, so the file grows with every endorsement. This rewrites such chunks
 * through {@link MVStore#compact(int, int)}, the store-locked rewrite H2's own background housekeeping uses.
 * It deliberately does not move chunks to shrink the file ({@code MVStore.compactFile}): that path trips an
 * internal H2 assertion while commits run concurrently. Freed space is reused by later chunks instead.
 * <p>
 * Does nothing when the event store is not an H2 database opened by this process (PostgreSQL, or an H2 server), or
 * when H2 runs with a write delay: its own background housekeeping compacts then.
 */
@Component
class H2FileCompaction implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2FileCompaction.class);

    private final DataSource dataSource;
    private final H2CompactionProperties properties;
    private final Timer runs;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean failureLogged;
    private volatile boolean writeDelayLogged;

    H2FileCompaction(DataSource dataSource, H2CompactionProperties properties, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.runs = Timer.builder("endorsements.eventstore.h2.compaction")
                .description("Online rewrites of sparse H2 event store chunks")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startWhenReady() {
        if (!properties.enabled()) {
            return;
        }
        localH2Store().filter(store -> store.getAutoCommitDelay() == 0).ifPresent(store -> {
            var executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, "h2-event-store-compaction");
                thread.setDaemon(true);
                return thread;
            });
            long period = properties.interval().toMillis();
            executor.scheduleWithFixedDelay(() -> compact(store), period, period, TimeUnit.MILLISECONDS);
            scheduler = executor;
            log.info(
                    "H2 event store: online compaction every {} (chunks below {} % live, at most {} per run)",
                    properties.interval(), properties.targetFillRate(), properties.maxWritePerRun());
        });
    }

    private Optional<MVStore> localH2Store() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return Optional.empty();
            }
            var store = session.getDatabase().getStore();
            return store == null || store.getMvStore().getFileStore() == null
                    ? Optional.empty()
                    : Optional.of(store.getMvStore());
        } catch (SQLException e) {
            log.warn("Event store not reachable, H2 compaction not started: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private void compact(MVStore store) {
        if (store.isClosed()) {
            stop();
            return;
        }
        if (store.getAutoCommitDelay() != 0) {
            // With a write delay H2 stores through executor threads that need the serialization lock this run
            // holds: a commit triggered inside the rewrite would deadlock. H2's own housekeeping runs then anyway.
            if (!writeDelayLogged) {
                writeDelayLogged = true;
                log.info("H2 event store runs with a write delay: its own housekeeping compacts, this one pauses");
            }
            return;
        }
        try {
            // MVStore.compact alone only tries the store lock for 10 ms. Under load every commit queues for that
            // (fair) lock, so such a try rarely gets it and nothing is rewritten. Waiting for it in line
            // through executeFilestoreOperation makes the rewrite happen; commits wait behind it for one run.
            runs.record(() -> store.executeFilestoreOperation(() -> store.compact(properties.targetFillRate(), (int)
                    properties.maxWritePerRun().toBytes())));
        } catch (RuntimeException e) {
            // An exception escaping would cancel the schedule silently; the next run may well succeed.
            if (!failureLogged) {
                failureLogged = true;
                log.warn("H2 event store compaction failed; will keep trying", e);
            }
        }
    }

    @Override
    public void start() {
        // started by startWhenReady, once the data source is migrated and the store open
    }

    @Override
    public void stop() {
        var executor = scheduler;
        scheduler = null;
        if (executor != null) {
            // Never shutdownNow: an interrupt inside the store-locked rewrite makes H2 close the database.
            executor.shutdown();
            try {
                executor.awaitTermination(properties.interval().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // stop before the data source closes the database
        return Integer.MAX_VALUE - 100;
    }
}
