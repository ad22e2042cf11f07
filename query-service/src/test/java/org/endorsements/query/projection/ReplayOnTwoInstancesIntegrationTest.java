package org.endorsements.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.endorsements.query.projection.persistence.ReplayLease;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.ReadClient;
import org.endorsements.query.support.SecondInstance;
import org.endorsements.query.support.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A replay started on one of two instances: both switch, the old views go only once neither reads them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplayOnTwoInstancesIntegrationTest extends QueryStackSupport {

    private static final String HASH = "c".repeat(64);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    LiveGeneration views;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReplayLease lease;

    @Test
    void aReplayStartedOnTheOtherInstanceSwitchesBothAndBothGoOnProjectingIntoTheNewGeneration() throws Exception {
        String statement = "both-" + UUID.randomUUID().toString().substring(0, 6);
        try (SecondInstance second = new SecondInstance(Map.of("endorsements.projection.instance-id", "query-b"));
                TopicWriter topic = new TopicWriter(TOPIC)) {
            List<ReadClient> both = List.of(new ReadClient(port), new ReadClient(second.port()));
            topic.send(
                    new StatementPublished(
                            StatementId.of(statement), "T", "B", "en", HASH, Instant.now(), "admin", null, null),
                    "Statement",
                    statement,
                    0);
            for (int i = 0; i < 5; i++) {
                endorse(topic, statement, i);
            }
            awaitCount(both, statement, 5);
            Generation before = views.current();

            assertThat(post(second.port(), "/api/admin/replay").statusCode()).isEqualTo(202);
            ReadClient other = both.get(1);
            await().atMost(WAIT)
                    .until(() -> "SWITCHED"
                            .equals(other.get("/api/admin/replay", ADMIN_KEY)
                                    .json()
                                    .path("state")
                                    .asText()));

            // This instance did not replay: it followed the stored switch, and the replaying one dropped the old
            // generation only after that.
            assertThat(views.current().number()).isEqualTo(before.number() + 1);
            assertThat(mongo.collectionExists(before.collection("statements")))
                    .as("old generation dropped")
                    .isFalse();
            endorse(topic, statement, 5);
            endorse(topic, statement, 6);
            awaitCount(both, statement, 7);
        }
    }

    @Test
    void aReplayIsRefusedWhileAnotherInstanceHoldsTheLeaseAndTheRefusalSaysWhich() throws Exception {
        assertThat(lease.take("query-elsewhere", views.current().number() + 1)).isPresent();
        try {
            HttpResponse<String> refused = post(port, "/api/admin/replay");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("replay-running").contains("query-elsewhere");
        } finally {
            lease.release("query-elsewhere");
        }
    }

    private static void endorse(TopicWriter topic, String statement, int i) {
        topic.send(
                new EndorsementAdded(
                        StatementId.of(statement),
                        OrganizationId.of(statement + "-org-" + i),
                        "Org " + i,
                        HASH,
                        Instant.now(),
                        "admin",
                        EndorsementSource.API,
                        "r",
                        "0a".repeat(32),
                        null,
                        EndorsementVisibility.DEFAULT,
                        null,
                        null,
                        null),
                "Endorsement",
                statement + ":" + statement + "-org-" + i,
                0);
    }

    private static void awaitCount(List<ReadClient> instances, String statement, long count) {
        for (ReadClient reads : instances) {
            await().atMost(WAIT).until(() -> {
                ReadClient.Reply r = reads.get("/api/statements/" + statement);
                return r.status() == 200 && r.json().path("endorsementCount").asLong() == count;
            });
        }
    }

    private static HttpResponse<String> post(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + ADMIN_KEY)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
