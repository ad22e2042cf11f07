package org.endorsements.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.endorsements.http.ApiClient;
import org.endorsements.http.ApiReply;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.LogLeaf;
import org.endorsements.transparency.ProofVerifier;
import org.endorsements.transparency.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's tools against a fresh platform: verify-log passes on the seed and fails when one stored document is
 * edited; every seed organization gets a receipt that verifies offline; watch accepts growth and catches a rewrite.
 */
class VerifiableLogIT {

    private static final String SEED = "ve-icc-cooperation-2021";

    @TempDir
    Path dir;

    private record Run(int exit, String output) {
    }

    private Run cli(Launcher launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", Platform.root().resolve("endorsements").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ENDORSEMENTS_QUERY_URL", launcher.queryUrl());
        builder.environment().put("ENDORSEMENTS_DATA_DIR", launcher.dataDir.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    @Test
    void anAuditorCanVerifyTheSeedsHistoryAndCatchesTampering() throws Exception {
        try (Launcher launcher = new Launcher(dir.resolve("platform"))) {
            launcher.up("--fresh");
            ApiClient admin = launcher.command().withKey(launcher.adminKey());
            String key = launcher.query().get("/.well-known/endorsements-log-key").body().strip();
            await().atMost(Duration.ofSeconds(30)).until(() -> launcher.query().get("/api/statements/"
                    + SEED + "/log/checkpoint").body().contains("\n111\n"));

            String auditorKey = Files.readString(launcher.dataDir.resolve("auditor.key")).strip();
            Run verified = cli(launcher, "audit", "verify-log", SEED, "--key", key, "--auditor-key", auditorKey);
            assertThat(verified.exit()).as(verified.output()).isZero();
            assertThat(verified.output()).contains("Public list: 110 signatories",
                    "Audit trail: all 110 endorsement events are in the log, each committing to its organization");

            // Every seed organization fetches its own receipt with its own key; all verify offline.
            List<JsonNode> signatories = new ArrayList<>();
            launcher.query().get("/api/statements/" + SEED + "/endorsements?size=500").json().path("items")
                    .forEach(signatories::add);
            assertThat(signatories).hasSize(110);
            for (JsonNode signatory : signatories) {
                String organizationId = signatory.path("organizationId").asText();
                String orgKey = admin.post("/api/organizations/" + organizationId + "/credentials", null).json()
                        .path("apiKey").asText();
                ApiClient holder = launcher.query().withKey(orgKey);
                // The query service learns the new key from the credential topic, within a second.
                ApiReply receipt = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                        .until(() -> holder.get("/api/statements/" + SEED + "/receipts/" + organizationId),
                                r -> r.status() != 401);
                assertThat(receipt.status()).as(organizationId).isEqualTo(200);
                assertThat(verifies(receipt.json(), key)).as("receipt of %s", organizationId).isTrue();
                if (signatories.indexOf(signatory) < 2) {
                    Path file = dir.resolve(organizationId + ".receipt.json");
                    Files.writeString(file, receipt.body());
                    Run offline = cli(launcher, "audit", "verify-receipt", file.toString(), "--key", key);
                    assertThat(offline.exit()).as(offline.output()).isZero();
                }
            }

            Path state = dir.resolve("watch.checkpoint");
            assertThat(cli(launcher, "audit", "watch", SEED, "--key", key, "--state", state.toString()).exit())
                    .isZero();

            try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + launcher.mongoPort)) {
                var db = mongo.getDatabase("endorsements");
                // One edited view document: the public list no longer agrees with the log.
                MongoCollection<Document> endorsements = db.getCollection("endorsements_g1");
                endorsements.updateOne(Filters.eq("_id", SEED + ":foro-penal"),
                        Updates.set("signerOpening", "ff".repeat(32)));
                Run tampered = cli(launcher, "audit", "verify-log", SEED, "--key", key);
                assertThat(tampered.exit()).isEqualTo(1);
                assertThat(tampered.output()).contains("listed organization foro-penal is not currently endorsed");

                // A rewritten leaf: the recomputed root no longer matches the signed checkpoint.
                MongoCollection<Document> leaves = db.getCollection("log_leaves_g1");
                Document leaf = leaves.find(Filters.eq("_id", SEED + ":5")).first();
                String forged = new String(leaf.get("bytes", org.bson.types.Binary.class).getData(),
                        StandardCharsets.UTF_8).replace("\"source\":\"imported\"", "\"source\":\"api\"");
                leaves.updateOne(Filters.eq("_id", SEED + ":5"), Updates.set("bytes",
                        new org.bson.types.Binary(forged.getBytes(StandardCharsets.UTF_8))));
                Run rewritten = cli(launcher, "audit", "verify-log", SEED, "--key", key);
                assertThat(rewritten.exit()).isEqualTo(1);
                assertThat(rewritten.output()).contains("differs from the signed checkpoint");

                // A rewritten subtree: the next checkpoint cannot be proved consistent with the one watch trusts.
                db.getCollection("log_nodes_g1").updateOne(Filters.eq("_id", SEED + ":6:0"),
                        Updates.set("hash", "00".repeat(32)));
                String orgKey = admin.post("/api/organizations/foro-penal/credentials", null).json().path("apiKey")
                        .asText();
                launcher.command().withKey(orgKey).delete("/api/statements/" + SEED + "/endorsements/foro-penal")
                        .expectSuccess();
                await().atMost(Duration.ofSeconds(30)).until(() -> launcher.query()
                        .get("/api/statements/" + SEED + "/log/checkpoint").body().contains("\n112\n"));
                Run watched = cli(launcher, "audit", "watch", SEED, "--key", key, "--state", state.toString());
                assertThat(watched.exit()).isEqualTo(1);
                assertThat(watched.output()).contains("ALERT");
            }
            launcher.interrupt();
        }
    }

    /** What verify-receipt checks, in process: signature, inclusion, and the commitment to the holder. */
    private static boolean verifies(JsonNode receipt, String key) throws Exception {
        SignedNote.Checkpoint checkpoint = SignedNote.verify(receipt.path("checkpoint").asText(), key);
        byte[] leaf = Base64.getDecoder().decode(receipt.path("leaf").asText());
        List<byte[]> proof = new ArrayList<>();
        receipt.path("inclusionProof").forEach(p -> proof.add(Base64.getDecoder().decode(p.asText())));
        boolean included = ProofVerifier.verifyInclusion(Hashes.leaf(leaf), receipt.path("leafIndex").asLong(),
                checkpoint.size(), proof, checkpoint.root());
        String commitment = LogLeaf.commitment(receipt.path("opening").asText(),
                receipt.path("organizationId").asText());
        return included && new String(leaf, StandardCharsets.UTF_8).contains("\"signer\":\"" + commitment + "\"");
    }
}
