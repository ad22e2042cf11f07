package org.endorsements.command.registry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.endorsements.command.registry.StatementRegistry.EndorsementState;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.endorsements.testsupport.TestStack;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V23 (goals, deadlines, the endorsement registry) on a store that already holds statements and
 * endorsements recorded before it, on H2 and on PostgreSQL: each endorsement's state is its last addition or
 * withdrawal, the statements get no goal nor closing time, and the registry counts and reads them as it does for
 * data recorded after it.
 */
class GoalsMigrationOnExistingDataTest {

    private static final StatementId STATEMENT = StatementId.of("before-goals");
    private static final String ADDED = "org.endorsements.events.EndorsementAdded";
    private static final String WITHDRAWN = "org.endorsements.events.EndorsementWithdrawn";
    private static final String RECONFIRMED = "org.endorsements.events.EndorsementReconfirmed";

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:v23-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** A schema of its own in the test PostgreSQL, so that no other test's tables are seen. */
    private static DataSource postgres() {
        TestStack.Database database = TestStack.postgres();
        String schema = "v23_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()))
                .sql("CREATE SCHEMA " + schema)
                .update();
        String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new DriverManagerDataSource(url, database.username(), database.password());
    }

    private static Flyway flyway(DataSource dataSource, String vendor, String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor)
                .target(target)
                .load();
    }

    private static void event(JdbcClient jdbc, String organization, long sequence, String payloadType) {
        jdbc.sql("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload, "
                        + "payloadtype, timestamp) VALUES (?, ?, 'Endorsement', ?, ?, ?, '2026-11-01T10:00:00Z')")
                .params(
                        STATEMENT.value() + ":" + organization,
                        sequence,
                        UUID.randomUUID().toString(),
                        "{}".getBytes(StandardCharsets.UTF_8),
                        payloadType)
                .update();
    }

    /**
     * The store as V22 left it: one statement; provea endorsed; codhez endorsed and withdrew; cofavic endorsed,
     * withdrew and endorsed again, then re-confirmed (an event that is neither addition nor withdrawal).
     */
    private static void recordBeforeTheMigration(JdbcClient jdbc) {
        jdbc.sql("INSERT INTO statement_registry (statement_id, content_hash, closed) VALUES (?, ?, FALSE)")
                .params(STATEMENT.value(), "a".repeat(64))
                .update();
        event(jdbc, "provea", 0, ADDED);
        event(jdbc, "codhez", 0, ADDED);
        event(jdbc, "codhez", 1, WITHDRAWN);
        event(jdbc, "cofavic", 0, ADDED);
        event(jdbc, "cofavic", 1, WITHDRAWN);
        event(jdbc, "cofavic", 2, ADDED);
        event(jdbc, "cofavic", 3, RECONFIRMED);
    }

    private static void migratesAndWorks(DataSource dataSource, String vendor) {
        flyway(dataSource, vendor, "22").migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        recordBeforeTheMigration(jdbc);

        flyway(dataSource, vendor, "latest").migrate();

        JdbcStatementRegistry registry = new JdbcStatementRegistry(jdbc);
        assertThat(registry.countedEndorsements(STATEMENT)).isEqualTo(2);
        Map<OrganizationId, EndorsementState> states = registry.endorsementStates(
                STATEMENT,
                List.of(
                        OrganizationId.of("provea"),
                        OrganizationId.of("codhez"),
                        OrganizationId.of("cofavic"),
                        OrganizationId.of("never-signed")));
        assertThat(states)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        OrganizationId.of("provea"), EndorsementState.ENDORSED,
                        OrganizationId.of("codhez"), EndorsementState.WITHDRAWN,
                        OrganizationId.of("cofavic"), EndorsementState.ENDORSED));
        assertThat(registry.find(STATEMENT)).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM statement_registry WHERE statement_id = ? AND signature_goal IS NULL "
                                + "AND closes_at IS NULL AND goal_reached = FALSE")
                        .param(STATEMENT.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anH2StoreWithEndorsementsRecordedBeforeV23MigratesAndCountsThem() {
        migratesAndWorks(h2(), "h2");
    }

    @Test
    void aPostgresStoreWithEndorsementsRecordedBeforeV23MigratesAndCountsThem() {
        migratesAndWorks(postgres(), "postgresql");
    }
}
