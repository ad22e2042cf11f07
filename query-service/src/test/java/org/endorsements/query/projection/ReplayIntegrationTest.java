package org.endorsements.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.ReadClient;
import org.endorsements.query.support.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplayIntegrationTest extends QueryStackSupport {

    private static final String HASH = "f".repeat(64);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LiveGeneration views;

    @Autowired
    ProjectionEngine engine;

    @Autowired
    LiveProjection live;

    @Test
    void aReplayRebuildsViewsIdenticalToTheLiveOnesAndSwitchesReadsOver() throws Exception {
        String statement = "replay-" + UUID.randomUUID().toString().substring(0, 6);
        try (TopicWriter topic = new TopicWriter(TOPIC)) {
            topic.send(
                    new StatementPublished(
                            StatementId.of(statement), "T", "B", "en", HASH, Instant.now(), "admin", null, null),
                    "Statement",
                    statement,
                    0);
            for (int i = 0; i < 20; i++) {
                String org = statement + "-org-" + i;
                topic.send(
                        new OrganizationRegistered(
                                OrganizationId.of(org), "Org " + i, "VE", null, null, null, Instant.now(), "admin"),
                        "Organization",
                        org,
                        0);
                topic.send(
                        new EndorsementAdded(
                                StatementId.of(statement),
                                OrganizationId.of(org),
                                "Org " + i,
                                HASH,
                                Instant.now(),
                                "admin",
                                EndorsementSource.IMPORTED,
                                "r",
                                "01".repeat(32),
                                i + 1,
                                EndorsementVisibility.DEFAULT,
                                null,
                                null,
                                null),
                        "Endorsement",
                        statement + ":" + org,
                        0);
                if (i % 4 == 0) {
                    topic.send(
                            new EndorsementWithdrawn(
                                    StatementId.of(statement),
                                    OrganizationId.of(org),
                                    null,
                                    Instant.now(),
                                    "credential:c",
                                    "r"),
                            "Endorsement",
                            statement + ":" + org,
                            1);
                }
            }
        }
        ReadClient reads = new ReadClient(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            ReadClient.Reply r = reads.get("/api/statements/" + statement);
            return r.status() == 200 && r.json().path("endorsementCount").asLong() == 15;
        });
        Generation before = views.current();
        // At rest, the batch that brought the last event is written whole, in every collection.
        Map<String, Map<Object, Document>> live = this.live
                .whilePaused(Duration.ofSeconds(10), () -> snapshot(before))
                .orElseThrow();

        assertThat(post("/api/admin/replay", AUDITOR_KEY)).isEqualTo(403);
        assertThat(post("/api/admin/replay", ADMIN_KEY)).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "SWITCHED"
                        .equals(reads.get("/api/admin/replay", ADMIN_KEY)
                                .json()
                                .path("state")
                                .asText()));

        Generation after = views.current();
        assertThat(after.number()).isEqualTo(before.number() + 1);
        Map<String, Map<Object, Document>> replayed = snapshot(after);
        assertThat(replayed.keySet()).hasSameSizeAs(live.keySet());
        for (String view : live.keySet()) {
            assertThat(replayed.get(view.replace("_g" + before.number(), "_g" + after.number())))
                    .as("%s, document by document", view)
                    .isEqualTo(live.get(view));
        }
        assertThat(mongo.collectionExists(before.collection("statements")))
                .as("old generation dropped")
                .isFalse();
        assertThat(reads.get("/api/statements/" + statement)
                        .json()
                        .path("endorsementCount")
                        .asLong())
                .isEqualTo(15);
        var progress = reads.get("/api/admin/replay", ADMIN_KEY).json();
        assertThat(progress.path("done").asLong())
                .isEqualTo(progress.path("total").asLong())
                .isPositive();
    }

    private int post(String path, String key) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .header("Authorization", "Bearer " + key)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /**
     * Every document of every collection of the generation, by id: the views, the verifiable logs (a replay must
     * rebuild the very same trees) and the engine's positions. The audit trail without the time each entry was
     * projected; the checkpoints are left out (they are signed on a schedule, not projected).
     */
    private Map<String, Map<Object, Document>> snapshot(Generation g) {
        Map<String, Map<Object, Document>> views = new LinkedHashMap<>();
        for (String collection : engine.collections(g)) {
            if (collection.equals(g.collection("log_checkpoints"))) {
                continue;
            }
            List<Document> docs = mongo.findAll(Document.class, collection);
            docs.forEach(d -> d.remove("projectedAt"));
            views.put(collection, docs.stream().collect(Collectors.toMap(d -> d.get("_id"), d -> d)));
        }
        return views;
    }
}
