package org.endorsements.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endorsements.transparency.Cosignature;
import org.endorsements.transparency.Ed25519Keys;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.LogLeaf;
import org.endorsements.transparency.Note;
import org.endorsements.transparency.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** verify-receipt with --witness and --min-witnesses, offline, on a receipt of a one-leaf log. */
class VerifyReceiptWitnessTest {

    private static final KeyPair LOG = Ed25519Keys.generate();
    private static final KeyPair WITNESS = Ed25519Keys.generate();
    private static final String LOG_KEY = SignedNote.verifierKey("endorsements.local", LOG.getPublic());
    private static final String WITNESS_KEY =
            Cosignature.verifier("witness.test/w1", WITNESS).encode();
    private static final String OPENING = "0a".repeat(32);

    @TempDir
    Path dir;

    private Path receipt(boolean cosigned) throws Exception {
        byte[] leaf = new LogLeaf(
                        "e1",
                        "EndorsementAdded",
                        "icc",
                        "a1".repeat(32),
                        "2026-12-01T09:00:00Z",
                        "api",
                        LogLeaf.commitment(OPENING, "provea"))
                .canonicalBytes();
        String note = SignedNote.sign(
                new SignedNote.Checkpoint("endorsements.local/statements/icc", 1, Hashes.leaf(leaf)),
                "endorsements.local",
                LOG.getPrivate(),
                LOG.getPublic());
        if (cosigned) {
            Note parsed = Note.parse(note);
            note = parsed.with(List.of(Cosignature.sign(parsed.text(), 1_790_000_000L, "witness.test/w1", WITNESS)))
                    .encode();
        }
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("statementId", "icc");
        receipt.put("organizationId", "provea");
        receipt.put("opening", OPENING);
        receipt.put("eventType", "EndorsementAdded");
        receipt.put("leafIndex", 0);
        receipt.put("leaf", Base64.getEncoder().encodeToString(leaf));
        receipt.put("treeSize", 1);
        receipt.put("inclusionProof", List.of());
        receipt.put("checkpoint", note);
        Path file = dir.resolve("receipt.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(receipt));
        return file;
    }

    private static int run(String... args) {
        return new CommandLine(new VerifyReceiptCommand()).execute(args);
    }

    /** A log of an endorsement, another organization's, then the withdrawal; the receipt carries the history. */
    private Path historyReceipt(int... historyIndexes) throws Exception {
        byte[][] leaves = {
            leaf("e1", "EndorsementAdded", LogLeaf.commitment(OPENING, "provea")),
            leaf("e2", "EndorsementAdded", LogLeaf.commitment("0b".repeat(32), "other")),
            leaf("e3", "EndorsementWithdrawn", LogLeaf.commitment(OPENING, "provea"))
        };
        org.endorsements.transparency.CompactTree tree = new org.endorsements.transparency.CompactTree();
        java.util.Map<String, byte[]> nodes = new java.util.HashMap<>();
        for (byte[] l : leaves) {
            for (var node : tree.append(Hashes.leaf(l))) {
                nodes.put(node.level() + "/" + node.index(), node.hash());
            }
        }
        org.endorsements.transparency.MerkleProofs proofs =
                new org.endorsements.transparency.MerkleProofs((level, index) -> nodes.get(level + "/" + index));
        String note = SignedNote.sign(
                new SignedNote.Checkpoint("endorsements.local/statements/icc", 3, tree.root()),
                "endorsements.local",
                LOG.getPrivate(),
                LOG.getPublic());
        List<Map<String, Object>> history = new java.util.ArrayList<>();
        for (int i : historyIndexes) {
            history.add(Map.of(
                    "eventType",
                    i < 2 ? "EndorsementAdded" : "EndorsementWithdrawn",
                    "leafIndex",
                    i,
                    "leaf",
                    Base64.getEncoder().encodeToString(leaves[i]),
                    "inclusionProof",
                    proofs.inclusion(i, 3).stream()
                            .map(Base64.getEncoder()::encodeToString)
                            .toList()));
        }
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("statementId", "icc");
        receipt.put("organizationId", "provea");
        receipt.put("opening", OPENING);
        receipt.put("eventType", "EndorsementWithdrawn");
        receipt.put("leafIndex", 2);
        receipt.put("leaf", Base64.getEncoder().encodeToString(leaves[2]));
        receipt.put("treeSize", 3);
        receipt.put(
                "inclusionProof",
                proofs.inclusion(2, 3).stream()
                        .map(Base64.getEncoder()::encodeToString)
                        .toList());
        receipt.put("checkpoint", note);
        receipt.put("history", history);
        Path file = dir.resolve("history.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(receipt));
        return file;
    }

    private static byte[] leaf(String eventId, String type, String signer) {
        return new LogLeaf(
                        eventId,
                        type,
                        "icc",
                        "a1".repeat(32),
                        "2026-12-01T09:00:00Z",
                        type.equals("EndorsementAdded") ? "api" : null,
                        signer)
                .canonicalBytes();
    }

    @Test
    void aReceiptProvesTheOrganizationsWholeHistoryOnTheStatement() throws Exception {
        assertThat(run(historyReceipt(0, 2).toString(), "--key", LOG_KEY)).isZero();
    }

    @Test
    void aHistoryEntryOfAnotherOrganizationIsInvalid() throws Exception {
        assertThat(run(historyReceipt(0, 1, 2).toString(), "--key", LOG_KEY)).isEqualTo(1);
    }

    @Test
    void aHistoryThatStopsBeforeTheLatestEventIsInvalid() throws Exception {
        assertThat(run(historyReceipt(0).toString(), "--key", LOG_KEY)).isEqualTo(1);
    }

    @Test
    void aCosignedReceiptPassesWhenTheWitnessIsRequired() throws Exception {
        assertThat(run(receipt(true).toString(), "--key", LOG_KEY, "--witness", WITNESS_KEY, "--min-witnesses", "1"))
                .isZero();
    }

    @Test
    void aReceiptWithoutCosignatureFailsWhenAWitnessIsRequired() throws Exception {
        assertThat(run(receipt(false).toString(), "--key", LOG_KEY, "--witness", WITNESS_KEY))
                .isEqualTo(1);
    }

    @Test
    void aReceiptWithoutCosignaturePassesWhenNoWitnessIsRequired() throws Exception {
        assertThat(run(receipt(false).toString(), "--key", LOG_KEY)).isZero();
    }

    @Test
    void requiringMoreWitnessesThanGivenFails() throws Exception {
        assertThat(run(receipt(true).toString(), "--key", LOG_KEY, "--witness", WITNESS_KEY, "--min-witnesses", "2"))
                .isEqualTo(1);
    }

    @Test
    void aRotatedLogKeyIsAcceptedFromTheKeyHistory() throws Exception {
        String retired = SignedNote.verifierKey(
                "endorsements.local", Ed25519Keys.generate().getPublic());
        assertThat(run(receipt(true).toString(), "--key", retired, "--key", LOG_KEY, "--witness", WITNESS_KEY))
                .isZero();
    }
}
