package org.endorsements.command.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class H2GapQueryTest {

    private static final EventSchema SCHEMA = new EventSchema();

    private Connection connection;

    @BeforeEach
    void storeWithGaps() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        connection = dataSource.getConnection();
        // Indexes 1-400 with every seventh missing and a run of 20 missing: the gaps of a busy store.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (globalIndex,"
                + " aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload, payloadType, timeStamp)"
                + " VALUES (?, ?, 0, 'Endorsement', ?, X'7b7d', 'EndorsementAdded', '2026-11-01T10:00:00Z')")) {
            for (long i = 1; i <= 400; i++) {
                if (i % 7 == 0 || (i > 200 && i <= 220)) {
                    continue;
                }
                insert.setLong(1, i);
                insert.setString(2, "aggregate-" + i);
                insert.setString(3, "event-" + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.createStatement().execute("SHUTDOWN");
    }

    @Test
    void readsExactlyTheRowsAxonsStatementReadsInTheSameOrder() throws SQLException {
        Random random = new Random(18);
        for (int trial = 0; trial < 200; trial++) {
            long index = random.nextInt(420);
            int batchSize = 1 + random.nextInt(100);
            List<Long> gaps = new ArrayList<>();
            for (int g = random.nextInt(30); g > 0; g--) {
                gaps.add((long) random.nextInt(440));
            }
            gaps = gaps.stream().distinct().sorted().collect(Collectors.toList());
            if (gaps.isEmpty()) {
                gaps.add(7L);
            }
            assertThat(rows(new H2GapQuery().build(connection, SCHEMA, index, batchSize, gaps)))
                    .as("index %d, batch %d, gaps %s", index, batchSize, gaps)
                    .isEqualTo(rows(JdbcEventStorageEngineStatements.readEventDataWithGaps(
                            connection, SCHEMA, index, batchSize, gaps)));
        }
    }

    @Test
    void readsTheRangeAndTheGapsThroughThePrimaryKey() throws SQLException {
        List<Long> gaps = List.of(3L, 14L, 150L);
        String plan;
        try (PreparedStatement explain =
                connection.prepareStatement("EXPLAIN " + H2GapQuery.sql(SCHEMA, gaps.size()))) {
            explain.setLong(1, 300);
            explain.setLong(2, 350);
            for (int i = 0; i < gaps.size(); i++) {
                explain.setLong(3 + i, gaps.get(i));
            }
            explain.setLong(3 + gaps.size(), 300);
            explain.setLong(4 + gaps.size(), 350);
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                plan = rs.getString(1);
            }
        }
        assertThat(plan).doesNotContainIgnoringCase("tableScan").containsIgnoringCase("PRIMARY_KEY");
    }

    private static List<Long> rows(PreparedStatement statement) throws SQLException {
        List<Long> indexes = new ArrayList<>();
        try (statement;
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                indexes.add(rs.getLong(SCHEMA.globalIndexColumn()));
            }
        }
        return indexes;
    }
}
