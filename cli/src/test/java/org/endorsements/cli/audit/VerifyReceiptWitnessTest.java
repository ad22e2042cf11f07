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
    private static final String WITNESS_KEY = Cosignature.verifier("witness.test/w1", WITNESS).encode();
    private static final String OPENING = "0a".repeat(32);

    @TempDir
    Path dir;

    private Path receipt(boolean cosigned) throws Exception {
        byte[] leaf = new LogLeaf("e1", "EndorsementAdded", "icc", "a1".repeat(32), "2026-12-01T09:00:00Z", "api",
                LogLeaf.commitment(OPENING, "provea")).canonicalBytes();
        String note = SignedNote.sign(new SignedNote.Checkpoint("endorsements.local/statements/icc", 1,
                Hashes.leaf(leaf)), "endorsements.local", LOG.getPrivate(), LOG.getPublic());
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

    @Test
    void aCosignedReceiptPassesWhenTheWitnessIsRequired() throws Exception {
        assertThat(run(receipt(true).toString(), "--key", LOG_KEY, "--witness", WITNESS_KEY, "--min-witnesses", "1"))
                .isZero();
    }

    @Test
    void aReceiptWithoutCosignatureFailsWhenAWitnessIsRequired() throws Exception {
        assertThat(run(receipt(false).toString(), "--key", LOG_KEY, "--witness", WITNESS_KEY)).isEqualTo(1);
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
        String retired = SignedNote.verifierKey("endorsements.local", Ed25519Keys.generate().getPublic());
        assertThat(run(receipt(true).toString(), "--key", retired, "--key", LOG_KEY, "--witness", WITNESS_KEY))
                .isZero();
    }
}
