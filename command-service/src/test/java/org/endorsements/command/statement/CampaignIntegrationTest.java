package org.endorsements.command.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.endorsements.command.CommandServiceApplication;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Goals and deadlines over HTTP on the real event store: what the command side records on its own. */
@IntegrationTest
class CampaignIntegrationTest extends TestStackSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignWatch watch;

    private List<String> eventTypes(String aggregateId) {
        return jdbc
                .sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")
                .param(aggregateId)
                .query(String.class)
                .list()
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    private String publish(Api api, String targets) {
        String id = "stmt-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.Response published = api.send(
                "POST",
                "/api/statements",
                ADMIN_KEY,
                "{\"statementId\":\"" + id + "\",\"title\":\"A statement\",\"body\":\"We agree.\",\"language\":\"en\""
                        + targets + "}");
        assertThat(published.status()).isEqualTo(201);
        return id;
    }

    private static void endorse(Api api, String statementId, Api.Response org) {
        String path = "/api/statements/" + statementId + "/endorsements/" + org.text("organizationId");
        assertThat(api.send("PUT", path, org.text("apiKey"), null).status()).isEqualTo(201);
    }

    @Test
    void theEndorsementThatReachesTheGoalIsFollowedByOneGoalReachedEvent() {
        Api api = new Api(port);
        String statementId = publish(api, ",\"signatureGoal\":2");
        endorse(api, statementId, api.registerOrganization("Provea"));
        endorse(api, statementId, api.registerOrganization("Cofavic"));

        await().atMost(WAIT).until(() -> eventTypes(statementId).contains("StatementGoalReached"));
        endorse(api, statementId, api.registerOrganization("Codhez"));
        assertThat(eventTypes(statementId))
                .containsExactly("StatementPublished", "StatementTargetsSet", "StatementGoalReached");
    }

    @Test
    void aStatementPastItsDeadlineRefusesEndorsementsAsAClosedStatement() {
        Api api = new Api(port);
        Instant closesAt = Instant.now().plusSeconds(2);
        String statementId = publish(api, ",\"closesAt\":\"" + closesAt + "\"");

        await().atMost(WAIT).until(() -> eventTypes(statementId).contains("StatementClosed"));
        Api.Response org = api.registerOrganization("Provea");
        Api.Response refused = api.send(
                "PUT",
                "/api/statements/" + statementId + "/endorsements/" + org.text("organizationId"),
                org.text("apiKey"),
                null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:endorsements:problem:statement-closed");
    }

    /**
     * The deadline passes while no instance watches (this one's watch stopped, as if it were down); a new instance
     * closes the statement as it starts, and with both instances watching there is still exactly one close.
     */
    @Test
    void aDeadlineThatPassedWhileTheServiceWasDownClosesTheStatementAtTheNextStart() {
        Api api = new Api(port);
        Instant closesAt = Instant.now().plusSeconds(1);
        String statementId = publish(api, ",\"closesAt\":\"" + closesAt + "\"");
        watch.stop();
        try {
            await().atMost(WAIT).until(() -> Instant.now().isAfter(closesAt.plusSeconds(1)));
            assertThat(eventTypes(statementId)).doesNotContain("StatementClosed");
            try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(
                            CommandServiceApplication.class)
                    .run(
                            "--server.port=0",
                            "--spring.datasource.url=" + TestStack.postgres().jdbcUrl(),
                            "--spring.datasource.username="
                                    + TestStack.postgres().username(),
                            "--spring.datasource.password="
                                    + TestStack.postgres().password(),
                            "--spring.kafka.bootstrap-servers=" + TestStack.kafkaBootstrapServers(),
                            "--endorsements.security.admin-key=" + ADMIN_KEY,
                            "--endorsements.event-stream.topic=" + TOPIC)) {
                await().atMost(WAIT).until(() -> eventTypes(statementId).contains("StatementClosed"));
                watch.startWhenReady();
                watch.sweep();
            }
        } finally {
            if (!watch.isRunning()) {
                watch.startWhenReady();
            }
        }
        assertThat(eventTypes(statementId))
                .filteredOn("StatementClosed"::equals)
                .hasSize(1);
        String closedBy = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%StatementClosed'")
                .param(statementId)
                .query(String.class)
                .single();
        assertThat(closedBy).contains("\"closedBy\":\"deadline\"");
    }

    @Test
    void anAdminMovesTheDeadlineOfAnOpenStatement() {
        Api api = new Api(port);
        String statementId = publish(api, "");
        Instant closesAt = Instant.now().plusSeconds(3600);

        Api.Response changed = api.send(
                "PUT",
                "/api/statements/" + statementId + "/targets",
                ADMIN_KEY,
                "{\"signatureGoal\":50,\"closesAt\":\"" + closesAt + "\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("signatureGoal").asInt()).isEqualTo(50);
        assertThat(eventTypes(statementId)).containsExactly("StatementPublished", "StatementTargetsSet");
    }
}
