package org.endorsements.transparency.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.endorsements.transparency.Ed25519Keys;
import org.endorsements.transparency.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessTest {

    private static final String ORIGIN = "endorsements.local/statements/icc";
    private static final KeyPair WITNESS_KEYS = Ed25519Keys.generate();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final TestLog log = new TestLog(ORIGIN).grow(5, "a");

    private Witness witness() throws IOException {
        return new Witness(
                "witness.test/w1",
                WITNESS_KEYS,
                Witness.WitnessedLogs.parse(List.of(ORIGIN + "=" + log.vkey())),
                new WitnessState(dir),
                CLOCK);
    }

    private String cosignedNote(Witness.Answer answer) {
        return log.checkpoint() + answer.body();
    }

    @Test
    void theFirstCheckpointOfALogIsCosignedWithOldSizeZero() throws IOException {
        Witness.Answer answer = witness().addCheckpoint(log.request(0).encode());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("\u2014 witness.test/w1 ").endsWith("\n");
        SignedNote.Verified verified = SignedNote.verify(
                cosignedNote(answer),
                List.of(log.vkey()),
                List.of(witness().verifier().encode()),
                1);
        assertThat(verified.checkpoint().size()).isEqualTo(5);
    }

    @Test
    void theCosignatureCarriesTheWitnessClock() throws IOException {
        Witness.Answer answer = witness().addCheckpoint(log.request(0).encode());
        byte[] blob = Base64.getDecoder().decode(answer.body().strip().split(" ")[2]);
        assertThat(java.nio.ByteBuffer.wrap(blob, 4, 8).getLong())
                .isEqualTo(CLOCK.instant().getEpochSecond());
    }

    @Test
    void aGrownLogIsCosignedWithAValidConsistencyProof() throws IOException {
        Witness witness = witness();
        witness.addCheckpoint(log.request(0).encode());
        log.grow(7, "a");
        assertThat(witness.addCheckpoint(log.request(5).encode()).status()).isEqualTo(200);
    }

    @Test
    void aWrongOldSizeGets409WithTheWitnessSize() throws IOException {
        Witness witness = witness();
        witness.addCheckpoint(log.request(0).encode());
        log.grow(3, "a");
        Witness.Answer answer = witness.addCheckpoint(log.request(0).encode());
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).isEqualTo("text/x.tlog.size");
        assertThat(answer.body()).isEqualTo("5\n");
    }

    @Test
    void aConsistencyProofThatDoesNotVerifyGets422() throws IOException {
        Witness witness = witness();
        witness.addCheckpoint(log.request(0).encode());
        log.grow(3, "a");
        List<byte[]> proof = new java.util.ArrayList<>(log.proof(5));
        proof.set(0, new byte[32]);
        assertThat(witness.addCheckpoint(new AddCheckpoint(5, proof, log.checkpoint()).encode())
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aRewrittenHistoryIsRefusedEvenWithItsOwnValidProof() throws IOException {
        Witness witness = witness();
        witness.addCheckpoint(log.request(0).encode());
        TestLog rewritten = new TestLog(ORIGIN, log.keys).grow(8, "b");
        assertThat(witness.addCheckpoint(rewritten.request(5).encode()).status())
                .isEqualTo(422);
    }

    @Test
    void anotherRootAtTheCosignedSizeIsRefusedAsASplitView() throws IOException {
        Witness witness = witness();
        witness.addCheckpoint(log.request(0).encode());
        TestLog fork = new TestLog(ORIGIN, log.keys).grow(5, "fork");
        Witness.Answer answer = witness.addCheckpoint(fork.request(5).encode());
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("split view");
        assertThat(Files.list(dir.resolve("evidence"))).hasSize(1);
    }

    @Test
    void theSameCheckpointAgainIsCosignedAgain() throws IOException {
        Witness witness = witness();
        witness.addCheckpoint(log.request(0).encode());
        assertThat(witness.addCheckpoint(log.request(5).encode()).status()).isEqualTo(200);
    }

    @Test
    void anUnknownOriginGets404() throws IOException {
        TestLog other = new TestLog("example.com/other", log.keys).grow(1, "x");
        assertThat(witness().addCheckpoint(other.request(0).encode()).status()).isEqualTo(404);
    }

    @Test
    void aCheckpointNotSignedByTheLogsKeyGets403() throws IOException {
        TestLog impostor = new TestLog(ORIGIN).grow(5, "a");
        assertThat(witness().addCheckpoint(impostor.request(0).encode()).status())
                .isEqualTo(403);
    }

    @Test
    void aBadLogSignatureGets403() throws IOException {
        String forged = log.checkpoint().replace("\n5\n", "\n6\n");
        assertThat(witness()
                        .addCheckpoint(new AddCheckpoint(0, List.of(), forged).encode())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anOldSizeLargerThanTheCheckpointGets400() throws IOException {
        assertThat(witness()
                        .addCheckpoint(new AddCheckpoint(6, List.of(), log.checkpoint()).encode())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aProofWithOldSizeZeroGets422() throws IOException {
        assertThat(witness()
                        .addCheckpoint(new AddCheckpoint(0, List.of(new byte[32]), log.checkpoint()).encode())
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aMalformedBodyGets400() throws IOException {
        assertThat(witness().addCheckpoint("old 05\n\n" + log.checkpoint()).status())
                .isEqualTo(400);
        assertThat(witness().addCheckpoint("hello").status()).isEqualTo(400);
    }

    @Test
    void anEmptyTreeMustHaveTheEmptyRoot() throws IOException {
        String note = SignedNote.sign(
                new SignedNote.Checkpoint(ORIGIN, 0, new byte[32]),
                TestLog.KEY_NAME,
                log.keys.getPrivate(),
                log.keys.getPublic());
        assertThat(witness()
                        .addCheckpoint(new AddCheckpoint(0, List.of(), note).encode())
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aRestartedWitnessRemembersTheSizeItCosigned() throws IOException {
        witness().addCheckpoint(log.request(0).encode());
        Witness restarted = witness();
        Witness.Answer answer = restarted.addCheckpoint(log.request(0).encode());
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body()).isEqualTo("5\n");
    }

    @Test
    void aRestartedWitnessRefusesARollbackToAnOlderTree() throws IOException {
        TestLog older = new TestLog(ORIGIN, log.keys).grow(5, "a");
        log.grow(5, "a");
        witness().addCheckpoint(log.request(0).encode());
        Witness restarted = witness();
        assertThat(restarted.addCheckpoint(older.request(0).encode()).status()).isEqualTo(409);
        assertThat(restarted
                        .addCheckpoint(new AddCheckpoint(10, List.of(), older.checkpoint()).encode())
                        .status())
                .isEqualTo(400);
        assertThat(restarted.latest(ORIGIN).orElseThrow()).contains("\n10\n");
    }

    @Test
    void aLogPrefixEntryCoversEveryStatementsLog() throws IOException {
        Witness witness = new Witness(
                "witness.test/w1",
                WITNESS_KEYS,
                Witness.WitnessedLogs.parse(List.of("endorsements.local/statements/*=" + log.vkey())),
                new WitnessState(dir),
                CLOCK);
        assertThat(witness.addCheckpoint(log.request(0).encode()).status()).isEqualTo(200);
        TestLog outside = new TestLog("endorsements.local/other", log.keys).grow(1, "x");
        assertThat(witness.addCheckpoint(outside.request(0).encode()).status()).isEqualTo(404);
    }
}
