package org.endorsements.command.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * One commit per row, from several threads, as the command service writes its events. Runs with assertions on, so
 * that an H2-internal consistency check tripped by compacting during commits fails the test.
 */
class H2FileCompactionTest {

    private static final int ROWS = 6_000;
    private static final int WRITERS = 16;
    private static final byte[] PAYLOAD = new byte[600];

    private final H2CompactionProperties properties =
            new H2CompactionProperties(true, Duration.ofMillis(100), 80, DataSize.ofMegabytes(4));

    @TempDir
    Path dir;

    @Test
    void compactionKeepsTheFileOfOneCommitPerRowLessThanHalfOfWhatItGrowsToWithout() throws Exception {
        long without = fill(dir.resolve("plain"), false);
        long with = fill(dir.resolve("compacted"), true);

        assertThat(with).isLessThan(without / 2);
    }

    @Test
    void compactionDuringCommitsLosesNoRow() throws Exception {
        Path db = dir.resolve("kept");
        fill(db, true);

        try (Connection reopened = DriverManager.getConnection(url(db), "sa", "");
                var result =
                        reopened.createStatement().executeQuery("select count(*), count(distinct id) from event")) {
            result.next();
            assertThat(result.getInt(1)).isEqualTo(ROWS);
            assertThat(result.getInt(2)).isEqualTo(ROWS);
        }
    }

    @Test
    void anInMemoryDatabaseIsLeftAlone() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:compaction-test;DB_CLOSE_DELAY=-1");
        var compaction = new H2FileCompaction(dataSource, properties, new SimpleMeterRegistry());

        compaction.startWhenReady();

        assertThat(compaction.isRunning()).isFalse();
    }

    @Test
    void aStoreWithAWriteDelayIsLeftToH2sOwnHousekeeping() throws Exception {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("delayed") + ";DB_CLOSE_ON_EXIT=FALSE");
        dataSource.setUser("sa");
        try (Connection keeper = dataSource.getConnection()) {
            var compaction = new H2FileCompaction(dataSource, properties, new SimpleMeterRegistry());

            compaction.startWhenReady();

            assertThat(compaction.isRunning()).isFalse();
        }
    }

    /** Returns the file size after {@link #ROWS} single-row commits. */
    private long fill(Path db, boolean compact) throws Exception {
        var dataSource = new JdbcDataSource();
        dataSource.setURL(url(db));
        dataSource.setUser("sa");
        // Keeps the database open across the writers' connections, as the service's pool does.
        try (Connection keeper = dataSource.getConnection()) {
            keeper.createStatement().execute("""
                    create table event (global_index bigint auto_increment primary key,
                      id varchar(36) not null unique, aggregate varchar(36) not null, sequence bigint not null,
                      payload blob, unique (aggregate, sequence))""");
            var compaction = new H2FileCompaction(dataSource, properties, new SimpleMeterRegistry());
            if (compact) {
                compaction.startWhenReady();
                assertThat(compaction.isRunning()).isTrue();
            }
            var next = new AtomicInteger();
            var writers = Executors.newFixedThreadPool(WRITERS);
            try {
                var done = new ArrayList<Future<?>>();
                for (int w = 0; w < WRITERS; w++) {
                    done.add(writers.submit(() -> writeUntilDone(dataSource, next)));
                }
                for (var writer : done) {
                    writer.get();
                }
            } finally {
                writers.shutdown();
                compaction.stop();
            }
            return Files.size(db.resolveSibling(db.getFileName() + ".mv.db"));
        }
    }

    private static Void writeUntilDone(JdbcDataSource dataSource, AtomicInteger next) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var insert = connection.prepareStatement(
                        "insert into event (id, aggregate, sequence, payload) values (?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int row = next.getAndIncrement(); row < ROWS; row = next.getAndIncrement()) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, "statement-" + row % 10);
                insert.setLong(3, row);
                insert.setBytes(4, PAYLOAD);
                insert.executeUpdate();
                connection.commit();
            }
        }
        return null;
    }

    /** RETENTION_TIME=0 so that the sizes show what compaction reclaims, not what retention still holds. */
    private static String url(Path db) {
        return "jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0";
    }
}
