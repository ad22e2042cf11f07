package org.endorsements.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endorsements.transparency.Ed25519Keys;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.LogLeaf;
import org.endorsements.transparency.MerkleProofs;
import org.endorsements.transparency.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * verify-receipt offline on the receipt of an endorsement an admin invalidated (and then reinstated), built as the
 * receipts endpoint builds it: the latest event's leaf, the history of every event of the endorsement, inclusion
 * proofs against one signed checkpoint. Moderation events are the platform's, so they carry no signature and no
 * assurance (the endpoint leaves both out).
 */
class VerifyModerationReceiptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair LOG = Ed25519Keys.generate();
    private static final String LOG_KEY = SignedNote.verifierKey("endorsements.local", LOG.getPublic());
    private static final String STATEMENT = "icc";
    private static final String ORGANIZATION = "provea";
    private static final String OPENING = "0a".repeat(32);
    private static final String COMMITMENT = LogLeaf.commitment(OPENING, ORGANIZATION);

    @TempDir
    Path dir;

    private static byte[] leaf(String eventId, String type, String source, String signer) {
        return new LogLeaf(eventId, type, STATEMENT, "a1".repeat(32), "2026-12-01T10:00:00Z", source, signer)
                .canonicalBytes();
    }

    /** The statement, the endorsement, its invalidation and its reinstatement, in log order. */
    private static List<byte[]> log(String invalidationSigner) {
        return List.of(
                leaf("e0", "StatementPublished", null, null),
                leaf("e1", "EndorsementAdded", "api", COMMITMENT),
                leaf("e2", "EndorsementInvalidated", null, invalidationSigner),
                leaf("e3", "EndorsementReinstated", null, COMMITMENT));
    }

    /** The perfect subtrees of the given leaves, as the log stores them. */
    private static MerkleProofs proofs(List<byte[]> leaves) {
        return new MerkleProofs((level, index) -> subtree(leaves, level, index));
    }

    private static byte[] subtree(List<byte[]> leaves, int level, long index) {
        if (level == 0) {
            return Hashes.leaf(leaves.get((int) index));
        }
        return Hashes.node(subtree(leaves, level - 1, 2 * index), subtree(leaves, level - 1, 2 * index + 1));
    }

    private static Map<String, Object> entry(List<byte[]> leaves, int index, int size, String type) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("eventType", type);
        entry.put("leafIndex", index);
        entry.put("leaf", Base64.getEncoder().encodeToString(leaves.get(index)));
        entry.put(
                "inclusionProof",
                proofs(leaves).inclusion(index, size).stream()
                        .map(Base64.getEncoder()::encodeToString)
                        .toList());
        return entry;
    }

    /** The receipt of the endorsement's event at {@code latest}, proved against the first {@code size} leaves. */
    private Path receipt(List<byte[]> leaves, int latest, int size) throws Exception {
        List<byte[]> signed = leaves.subList(0, size);
        String note = SignedNote.sign(
                new SignedNote.Checkpoint(
                        "endorsements.local/statements/" + STATEMENT,
                        size,
                        proofs(signed).root(size)),
                "endorsements.local",
                LOG.getPrivate(),
                LOG.getPublic());
        String[] types = {null, "EndorsementAdded", "EndorsementInvalidated", "EndorsementReinstated"};
        List<Map<String, Object>> history = new ArrayList<>();
        for (int i = 1; i <= latest; i++) {
            history.add(entry(signed, i, size, types[i]));
        }
        Map<String, Object> receipt = new LinkedHashMap<>(history.get(history.size() - 1));
        receipt.put("statementId", STATEMENT);
        receipt.put("organizationId", ORGANIZATION);
        receipt.put("opening", OPENING);
        receipt.put("treeSize", size);
        receipt.put("checkpoint", note);
        receipt.put("history", history);
        receipt.put("signingKeys", List.of());
        Path file = dir.resolve("receipt.json");
        Files.writeString(file, JSON.writeValueAsString(receipt));
        return file;
    }

    private static int run(Path receipt, ByteArrayOutputStream output, ByteArrayOutputStream errors) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(new VerifyReceiptCommand()).execute(receipt.toString(), "--key", LOG_KEY);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void theReceiptOfAnInvalidatedEndorsementVerifiesOffline() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(run(receipt(log(COMMITMENT), 2, 3), output, errors))
                .as(errors.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("provea EndorsementInvalidated statement icc")
                .contains("1 endorsement and 0 withdrawals, 1 invalidation and 0 reinstatements, each included");
    }

    @Test
    void theReceiptOfAReinstatedEndorsementVerifiesOfflineWithItsWholeHistory() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(run(receipt(log(COMMITMENT), 3, 4), output, errors))
                .as(errors.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("provea EndorsementReinstated statement icc")
                .contains("1 invalidation and 1 reinstatement, each included");
    }

    /** The receipt of the reinstated endorsement, the endorsement and the reinstatement recording these levels. */
    private Path reinstatedAt(String endorsementLevel, String reinstatementLevel) throws Exception {
        Path file = receipt(log(COMMITMENT), 3, 4);
        com.fasterxml.jackson.databind.node.ObjectNode receipt =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Files.readString(file));
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        receipt.path("history").get(0))
                .put("assurance", endorsementLevel);
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        receipt.path("history").get(2))
                .put("assurance", reinstatementLevel);
        receipt.put("assurance", reinstatementLevel);
        Files.writeString(file, JSON.writeValueAsString(receipt));
        return file;
    }

    @Test
    void aReinstatementRecordingTheLevelTheAdminVouchesForVerifies() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(run(
                        reinstatedAt("organization-credential", "admin-issued-credential"),
                        new ByteArrayOutputStream(),
                        errors))
                .as(errors.toString(StandardCharsets.UTF_8))
                .isZero();
    }

    @Test
    void aReinstatementClaimingMoreThanTheAdminVouchesForFails() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(run(
                        reinstatedAt("organization-credential", "organization-credential"),
                        new ByteArrayOutputStream(),
                        errors))
                .isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("claims organization-credential but its history proves at most admin-issued-credential");
    }

    @Test
    void aReinstatementClaimingMoreThanTheEndorsementItCountsAgainFails() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(run(reinstatedAt("imported", "admin-issued-credential"), new ByteArrayOutputStream(), errors))
                .isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("history: leaf 3: claims admin-issued-credential but its history proves at most imported"
                        + " (a reinstatement of an endorsement that proved imported)");
    }

    /**
     * A receipt whose history leaves out the endorsement a reinstatement counts again proves no level for it: the
     * reinstatement is judged as counting an endorsement of the weakest level, not of what the admin vouches for.
     */
    @Test
    void aReinstatementWithNoEarlierLevelInTheHistoryProvesOnlyImported() throws Exception {
        Path file = reinstatedAt("organization-credential", "admin-issued-credential");
        com.fasterxml.jackson.databind.node.ObjectNode receipt =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Files.readString(file));
        ((com.fasterxml.jackson.databind.node.ArrayNode) receipt.path("history")).remove(0);
        Files.writeString(file, JSON.writeValueAsString(receipt));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(run(file, new ByteArrayOutputStream(), errors)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("history: leaf 3: claims admin-issued-credential but its history proves at most imported"
                        + " (a reinstatement of an endorsement whose level the history does not show)");
    }

    @Test
    void anInvalidationInTheHistoryThatCommitsToAnotherOrganizationFails() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(run(receipt(log(LogLeaf.commitment(OPENING, "codhez")), 3, 4), new ByteArrayOutputStream(), errors))
                .isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("history: leaf 2 is not this organization's on this statement");
    }
}
