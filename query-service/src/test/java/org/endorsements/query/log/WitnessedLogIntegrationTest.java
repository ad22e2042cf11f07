package org.endorsements.query.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.ReadClient;
import org.endorsements.query.support.TestWitnesses;
import org.endorsements.query.support.TopicWriter;
import org.endorsements.transparency.SignedNote;
import org.endorsements.transparency.witness.WitnessServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform collects witness cosignatures over real HTTP: a live witness and one that is down until the test
 * starts it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WitnessedLogIntegrationTest extends QueryStackSupport {

    private static final String HASH = "a1".repeat(32);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LIVE = TestWitnesses.LIVE.verifier().encode();
    private static final String LATE = TestWitnesses.LATE.verifier().encode();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private String publish(TopicWriter topic, int endorsements) {
        String statement = "witnessed-" + UUID.randomUUID().toString().substring(0, 6);
        topic.send(
                new StatementPublished(
                        StatementId.of(statement), "T", "B", "en", HASH, Instant.now(), "admin", null, null),
                "Statement",
                statement,
                0);
        for (int i = 0; i < endorsements; i++) {
            endorse(topic, statement, "org" + i);
        }
        return statement;
    }

    private void endorse(TopicWriter topic, String statement, String org) {
        topic.send(
                new EndorsementAdded(
                        StatementId.of(statement),
                        OrganizationId.of(org),
                        "Org " + org,
                        HASH,
                        Instant.now(),
                        "credential:c",
                        EndorsementSource.API,
                        "r",
                        "0a".repeat(32),
                        null,
                        EndorsementVisibility.DEFAULT,
                        null,
                        null,
                        null),
                "Endorsement",
                statement + ":" + org,
                0);
    }

    private SignedNote.Verified awaitCosigned(ReadClient reads, String statement, long size, List<String> witnesses) {
        await().atMost(WAIT)
                .ignoreExceptions()
                .until(() -> verified(reads, statement, witnesses).checkpoint().size() == size);
        return verified(reads, statement, witnesses);
    }

    private static SignedNote.Verified verified(ReadClient reads, String statement, List<String> witnesses) {
        return SignedNote.verify(
                reads.get("/api/statements/" + statement + "/log/checkpoint").text(),
                List.of(TestWitnesses.LOG_VKEY),
                witnesses,
                witnesses.size());
    }

    @Test
    void theServedCheckpointCarriesTheLiveWitnessCosignature() throws Exception {
        ReadClient reads = new ReadClient(port);
        try (TopicWriter topic = new TopicWriter(TOPIC)) {
            String statement = publish(topic, 2);
            assertThat(awaitCosigned(reads, statement, 3, List.of(LIVE)).witnesses())
                    .hasSize(1);
        }
    }

    @Test
    void aGrownLogIsCosignedAgainThroughAConsistencyProof() throws Exception {
        ReadClient reads = new ReadClient(port);
        try (TopicWriter topic = new TopicWriter(TOPIC)) {
            String statement = publish(topic, 1);
            awaitCosigned(reads, statement, 2, List.of(LIVE));
            endorse(topic, statement, "later");
            endorse(topic, statement, "latest");
            awaitCosigned(reads, statement, 4, List.of(LIVE));
        }
        assertThat(reads.get("/api/log/witnesses")
                        .json()
                        .path("witnesses")
                        .get(0)
                        .path("up")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aDownWitnessIsReportedAndCosignsOnceItIsBack() throws Exception {
        ReadClient reads = new ReadClient(port);
        String statement;
        try (TopicWriter topic = new TopicWriter(TOPIC)) {
            statement = publish(topic, 1);
        }
        awaitCosigned(reads, statement, 2, List.of(LIVE));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode late =
                    reads.get("/api/log/witnesses").json().path("witnesses").get(1);
            assertThat(late.path("name").asText()).isEqualTo("witness.test/late");
            assertThat(late.path("up").asBoolean()).isFalse();
            assertThat(late.path("pendingCheckpoints").asInt()).isPositive();
            assertThat(late.path("lastFailure").asText()).contains("unreachable");
        });
        assertThat(meters.get("endorsements.log.witness.up")
                        .tag("witness", "witness.test/late")
                        .gauge()
                        .value())
                .isZero();
        assertThat(meters.get("endorsements.log.witness.submissions")
                        .tag("witness", "witness.test/late")
                        .tag("outcome", "unreachable")
                        .counter()
                        .count())
                .isPositive();
        try (WitnessServer late = TestWitnesses.startLate()) {
            assertThat(awaitCosigned(reads, statement, 2, List.of(LIVE, LATE)).witnesses())
                    .hasSize(2);
            await().atMost(WAIT)
                    .until(() -> reads.get("/api/log/witnesses")
                            .json()
                            .path("witnesses")
                            .get(1)
                            .path("up")
                            .asBoolean());
        }
    }
}
