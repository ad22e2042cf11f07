package org.endorsements.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

class CosignatureTest {

    private static final KeyPair LOG = Ed25519Keys.generate();
    private static final KeyPair WITNESS = Ed25519Keys.generate();
    private static final KeyPair OTHER_WITNESS = Ed25519Keys.generate();
    private static final SignedNote.Checkpoint CHECKPOINT = new SignedNote.Checkpoint(
            "endorsements.local/statements/icc",
            8,
            Hashes.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));
    private static final String LOG_KEY = SignedNote.verifierKey("endorsements.local", LOG.getPublic());
    private static final String WITNESS_KEY =
            Cosignature.verifier("witness.example/w1", WITNESS).encode();
    private static final String OTHER_WITNESS_KEY =
            Cosignature.verifier("witness.example/w2", OTHER_WITNESS).encode();

    private static String cosigned(KeyPair... witnesses) {
        Note note = Note.parse(SignedNote.sign(CHECKPOINT, "endorsements.local", LOG.getPrivate(), LOG.getPublic()));
        for (int i = 0; i < witnesses.length; i++) {
            note = note.with(List.of(
                    Cosignature.sign(note.text(), 1_700_000_000L + i, "witness.example/w" + (i + 1), witnesses[i])));
        }
        return note.encode();
    }

    @Test
    void aCheckpointCosignedByATrustedWitnessVerifiesWithOneRequired() {
        SignedNote.Verified verified = SignedNote.verify(cosigned(WITNESS), List.of(LOG_KEY), List.of(WITNESS_KEY), 1);
        assertThat(verified.witnesses()).extracting(NoteVerifier::name).containsExactly("witness.example/w1");
        assertThat(verified.checkpoint().size()).isEqualTo(8);
    }

    @Test
    void aCheckpointWithoutCosignatureFailsWhenOneIsRequired() {
        assertThatThrownBy(() -> SignedNote.verify(cosigned(), List.of(LOG_KEY), List.of(WITNESS_KEY), 1))
                .hasMessageContaining("cosigned by 0 of the trusted witnesses, 1 required");
    }

    @Test
    void aCosignatureByAnUntrustedWitnessDoesNotCount() {
        assertThatThrownBy(() -> SignedNote.verify(cosigned(OTHER_WITNESS), List.of(LOG_KEY), List.of(WITNESS_KEY), 1))
                .hasMessageContaining("cosigned by 0");
    }

    @Test
    void twoWitnessesAreCountedOnce() {
        String note = cosigned(WITNESS, OTHER_WITNESS);
        assertThat(SignedNote.verify(note, List.of(LOG_KEY), List.of(WITNESS_KEY, OTHER_WITNESS_KEY), 2)
                        .witnesses())
                .hasSize(2);
        assertThatThrownBy(() -> SignedNote.verify(note, List.of(LOG_KEY), List.of(WITNESS_KEY), 2))
                .hasMessageContaining("cosigned by 1");
    }

    @Test
    void aCosignatureDatedInTheFutureDoesNotVerify() {
        Note note = Note.parse(SignedNote.sign(CHECKPOINT, "endorsements.local", LOG.getPrivate(), LOG.getPublic()));
        long anHourAhead = java.time.Instant.now().plusSeconds(3600).getEpochSecond();
        String future = note.with(List.of(Cosignature.sign(note.text(), anHourAhead, "witness.example/w1", WITNESS)))
                .encode();
        assertThatThrownBy(() -> SignedNote.verify(future, List.of(LOG_KEY), List.of(WITNESS_KEY), 1))
                .hasMessageContaining("witness.example/w1 does not verify");
    }

    @Test
    void aCosignatureDatedWithinTheClockSkewVerifies() {
        Note note = Note.parse(SignedNote.sign(CHECKPOINT, "endorsements.local", LOG.getPrivate(), LOG.getPublic()));
        long aMinuteAhead = java.time.Instant.now().plusSeconds(60).getEpochSecond();
        String nearlyNow = note.with(
                        List.of(Cosignature.sign(note.text(), aMinuteAhead, "witness.example/w1", WITNESS)))
                .encode();
        assertThat(SignedNote.verify(nearlyNow, List.of(LOG_KEY), List.of(WITNESS_KEY), 1)
                        .witnesses())
                .hasSize(1);
    }

    @Test
    void aCosignatureWithAnAlteredTimestampDoesNotVerify() {
        String note = cosigned(WITNESS);
        Note parsed = Note.parse(note);
        Note.Signature cosignature = parsed.signatures().get(1);
        byte[] bytes = cosignature.bytes().clone();
        bytes[7]++;
        String forged = new Note(
                        parsed.text(),
                        List.of(
                                parsed.signatures().get(0),
                                new Note.Signature(cosignature.keyName(), cosignature.keyId(), bytes)))
                .encode();
        assertThatThrownBy(() -> SignedNote.verify(forged, List.of(LOG_KEY), List.of(WITNESS_KEY), 1))
                .hasMessageContaining("witness.example/w1 does not verify");
    }

    @Test
    void aCosignatureIsNotALogSignature() {
        // The 0x04 message is domain-separated: a witness's cosignature can never pass for the log's signature.
        String witnessAsLog = NoteVerifier.of("witness.example/w1", NoteVerifier.ED25519, WITNESS.getPublic())
                .encode();
        assertThatThrownBy(() -> SignedNote.verify(cosigned(WITNESS), List.of(witnessAsLog), List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWitnessKeyIsRefusedAsLogKey() {
        assertThatThrownBy(() -> SignedNote.verify(cosigned(WITNESS), List.of(WITNESS_KEY), List.of(), 0))
                .hasMessageContaining("witness key");
    }

    @Test
    void ourCosignedCheckpointVerifiesWithTheIndependentVerifier() throws Exception {
        assertThat(SpecNoteVerifier.verify(
                        cosigned(WITNESS, OTHER_WITNESS).getBytes(StandardCharsets.UTF_8),
                        List.of(
                                SpecNoteVerifier.Vkey.of(LOG_KEY),
                                SpecNoteVerifier.Vkey.of(WITNESS_KEY),
                                SpecNoteVerifier.Vkey.of(OTHER_WITNESS_KEY))))
                .containsExactly("endorsements.local", "witness.example/w1", "witness.example/w2");
    }

    @Test
    void theIndependentVerifierRejectsAForgedCosignatureOfOurs() {
        String forged = cosigned(WITNESS).replace("\n8\n", "\n9\n");
        assertThatThrownBy(() -> SpecNoteVerifier.verify(
                        forged.getBytes(StandardCharsets.UTF_8), List.of(SpecNoteVerifier.Vkey.of(WITNESS_KEY))))
                .hasMessageContaining("does not verify");
    }
}
