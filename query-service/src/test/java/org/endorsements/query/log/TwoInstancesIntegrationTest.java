package org.endorsements.query.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.ReadClient;
import org.endorsements.query.support.SecondInstance;
import org.endorsements.query.support.TestWitnesses;
import org.endorsements.query.support.TopicWriter;
import org.endorsements.transparency.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two query-service instances sharing one log key file (and the views): both publish the same key, and the
 * checkpoints both sign while both submit to the same witness verify with that key and carry its cosignature,
 * the witness never seeing two histories.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoInstancesIntegrationTest extends QueryStackSupport {

    private static final String HASH = "a1".repeat(32);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LIVE = TestWitnesses.LIVE.verifier().encode();

    @LocalServerPort
    int port;

    @Test
    void twoInstancesSharingOneKeyServeCheckpointsThatVerifyWithItAndAreCosigned() throws Exception {
        try (SecondInstance second = new SecondInstance();
                TopicWriter topic = new TopicWriter(TOPIC)) {
            ReadClient first = new ReadClient(port);
            ReadClient other = new ReadClient(second.port());
            assertThat(other.get("/.well-known/endorsements-log-key").text())
                    .isEqualTo(first.get("/.well-known/endorsements-log-key").text())
                    .isEqualTo(TestWitnesses.LOG_VKEY + "\n");
            String statement = "two-" + UUID.randomUUID().toString().substring(0, 6);
            topic.send(
                    new StatementPublished(
                            StatementId.of(statement), "T", "B", "en", HASH, Instant.now(), "admin", null, null),
                    "Statement",
                    statement,
                    0);
            for (int i = 0; i < 5; i++) {
                topic.send(
                        new EndorsementAdded(
                                StatementId.of(statement),
                                OrganizationId.of("org" + i),
                                "Org",
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
                        statement + ":org" + i,
                        0);
            }
            for (ReadClient reads : List.of(first, other)) {
                await().atMost(WAIT)
                        .ignoreExceptions()
                        .until(() -> SignedNote.verify(
                                                reads.get("/api/statements/" + statement + "/log/checkpoint")
                                                        .text(),
                                                List.of(TestWitnesses.LOG_VKEY),
                                                List.of(LIVE),
                                                1)
                                        .checkpoint()
                                        .size()
                                == 6);
            }
            // One tree: both serve the same checkpoint of that size (same root, same key, one signature line).
            String served = first.get("/api/statements/" + statement + "/log/checkpoint")
                    .text();
            assertThat(other.get("/api/statements/" + statement + "/log/checkpoint")
                            .text())
                    .isEqualTo(served);
            assertThat(served.lines().filter(line -> line.startsWith("\u2014 " + TestWitnesses.LOG_KEY_NAME)))
                    .hasSize(1);
            // A checkpoint the other instance serves may carry a cosignature the first one obtained; each instance's
            // own view of the witness is up once its own request has been answered.
            for (ReadClient reads : List.of(first, other)) {
                await().atMost(WAIT).untilAsserted(() -> {
                    JsonNode live = reads.get("/api/log/witnesses")
                            .json()
                            .path("witnesses")
                            .get(0);
                    assertThat(live.path("up").asBoolean()).isTrue();
                    assertThat(live.path("lastFailure").asText("")).doesNotContain("refused");
                });
            }
        }
    }

    @Test
    void anInstanceStartedWithAKeyFileOfItsOwnRefusesToStartAndTheLogKeepsItsKey(@TempDir Path dir) {
        assertThatThrownBy(() -> new SecondInstance(Map.of(
                        "endorsements.log.signing-key-file",
                        dir.resolve("log-signing.key").toString(),
                        "endorsements.projection.instance-id",
                        "query-stray")))
                .rootCause()
                .hasMessageContaining("this instance's signing key is")
                .hasMessageContaining(TestWitnesses.LOG_VKEY);
        assertThat(new ReadClient(port).get("/.well-known/endorsements-log-key").text())
                .isEqualTo(TestWitnesses.LOG_VKEY + "\n");
    }
}
