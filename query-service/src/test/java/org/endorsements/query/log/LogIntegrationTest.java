package org.endorsements.query.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.ReadClient;
import org.endorsements.query.support.TopicWriter;
import org.endorsements.transparency.CompactTree;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.LogLeaf;
import org.endorsements.transparency.ProofVerifier;
import org.endorsements.transparency.SignedNote;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The verifiable log as an auditor sees it: only through the public API, trusting only the published key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LogIntegrationTest extends QueryStackSupport {

    private static final String HASH = "a1".repeat(32);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LiveGeneration views;

    private ReadClient reads;
    private String statement;

    private void endorse(TopicWriter topic, String org, long seq, String opening) {
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
                        opening,
                        null,
                        EndorsementVisibility.DEFAULT,
                        null,
                        null,
                        null),
                "Endorsement",
                statement + ":" + org,
                seq);
    }

    private SignedNote.Checkpoint awaitCheckpoint(long size) {
        String key = reads.get("/.well-known/endorsements-log-key").text().strip();
        await().atMost(WAIT).until(() -> {
            ReadClient.Reply r = reads.get("/api/statements/" + statement + "/log/checkpoint");
            return r.status() == 200 && SignedNote.verify(r.text(), key).size() == size;
        });
        return SignedNote.verify(
                reads.get("/api/statements/" + statement + "/log/checkpoint").text(), key);
    }

    private List<byte[]> leaves(long size) {
        JsonNode leaves = reads.get("/api/statements/" + statement + "/log/leaves?start=0&end=" + size)
                .json()
                .path("leaves");
        List<byte[]> bytes = new ArrayList<>();
        leaves.forEach(l -> bytes.add(Base64.getDecoder().decode(l.asText())));
        return bytes;
    }

    private static byte[] rootOf(List<byte[]> leaves) {
        CompactTree tree = new CompactTree();
        leaves.forEach(l -> tree.append(Hashes.leaf(l)));
        return tree.root();
    }

    private static List<byte[]> decode(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        proof.forEach(p -> hashes.add(Base64.getDecoder().decode(p.asText())));
        return hashes;
    }

    @Test
    void theLogProvesEverySignatureAndWithdrawalAndOnlyGrows() throws Exception {
        reads = new ReadClient(port);
        statement = "log-" + UUID.randomUUID().toString().substring(0, 6);
        String openingA = "0a".repeat(32);
        try (TopicWriter topic = new TopicWriter(TOPIC)) {
            topic.send(
                    new StatementPublished(
                            StatementId.of(statement), "T", "B", "en", HASH, Instant.now(), "admin", null, null),
                    "Statement",
                    statement,
                    0);
            endorse(topic, "provea", 0, openingA);
            endorse(topic, "codhez", 0, "0b".repeat(32));
            topic.send(
                    new EndorsementWithdrawn(
                            StatementId.of(statement),
                            OrganizationId.of("codhez"),
                            null,
                            Instant.now(),
                            "credential:c",
                            "r"),
                    "Endorsement",
                    statement + ":codhez",
                    1);

            SignedNote.Checkpoint first = awaitCheckpoint(4);
            List<byte[]> leaves = leaves(4);
            assertThat(rootOf(leaves)).as("root recomputed from the leaves").isEqualTo(first.root());
            assertThat(first.origin()).isEqualTo("endorsements.local/statements/" + statement);

            String added = new String(leaves.get(1), StandardCharsets.UTF_8);
            assertThat(added)
                    .contains("\"type\":\"EndorsementAdded\"")
                    .contains("\"signer\":\"" + LogLeaf.commitment(openingA, "provea") + "\"")
                    .doesNotContain("provea");
            assertThat(new String(leaves.get(3), StandardCharsets.UTF_8))
                    .contains("EndorsementWithdrawn")
                    .contains(LogLeaf.commitment("0b".repeat(32), "codhez"));

            for (int i = 0; i < 4; i++) {
                JsonNode proof = reads.get(
                                "/api/statements/" + statement + "/log/proof/inclusion?leafIndex=" + i + "&treeSize=4")
                        .json()
                        .path("proof");
                assertThat(ProofVerifier.verifyInclusion(Hashes.leaf(leaves.get(i)), i, 4, decode(proof), first.root()))
                        .as("leaf %d", i)
                        .isTrue();
            }

            endorse(topic, "cofavic", 0, "0c".repeat(32));
            SignedNote.Checkpoint second = awaitCheckpoint(5);
            JsonNode consistency = reads.get("/api/statements/" + statement + "/log/proof/consistency?from=4&to=5")
                    .json()
                    .path("proof");
            assertThat(ProofVerifier.verifyConsistency(4, 5, decode(consistency), first.root(), second.root()))
                    .isTrue();
        }
    }

    @Test
    void aRewrittenLeafNoLongerMatchesTheSignedRoot() throws Exception {
        reads = new ReadClient(port);
        statement = "tamper-" + UUID.randomUUID().toString().substring(0, 6);
        try (TopicWriter topic = new TopicWriter(TOPIC)) {
            topic.send(
                    new StatementPublished(
                            StatementId.of(statement), "T", "B", "en", HASH, Instant.now(), "admin", null, null),
                    "Statement",
                    statement,
                    0);
            endorse(topic, "provea", 0, "0d".repeat(32));
        }
        SignedNote.Checkpoint checkpoint = awaitCheckpoint(2);
        Document leaf =
                mongo.findById(statement + ":1", Document.class, views.current().collection("log_leaves"));
        Binary genuine = leaf.get("bytes", Binary.class);
        String forged = new String(genuine.getData(), StandardCharsets.UTF_8)
                .replace("\"source\":\"api\"", "\"source\":\"imported\"");
        leaf.put("bytes", new Binary(forged.getBytes(StandardCharsets.UTF_8)));
        mongo.save(leaf, views.current().collection("log_leaves"));
        try {
            assertThat(rootOf(leaves(2))).isNotEqualTo(checkpoint.root());
        } finally {
            // Other tests share this store (a replay would rebuild the genuine leaf and differ from it).
            leaf.put("bytes", genuine);
            mongo.save(leaf, views.current().collection("log_leaves"));
        }
    }
}
