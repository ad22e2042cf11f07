package org.endorsements.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

    private static final KeyPair KEYS = keys();
    private static final SignedNote.Checkpoint CHECKPOINT = new SignedNote.Checkpoint(
            "endorsements.local/statements/icc",
            8,
            Hashes.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    private static KeyPair keys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String note() {
        return SignedNote.sign(CHECKPOINT, "endorsements.local", KEYS.getPrivate(), KEYS.getPublic());
    }

    @Test
    void aCheckpointHasTheTlogCheckpointLayout() {
        assertThat(note())
                .startsWith("endorsements.local/statements/icc\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n"
                        + "\u2014 endorsements.local ");
    }

    @Test
    void aSignedCheckpointVerifiesWithThePublishedKey() {
        SignedNote.Checkpoint read =
                SignedNote.verify(note(), SignedNote.verifierKey("endorsements.local", KEYS.getPublic()));
        assertThat(read.size()).isEqualTo(8);
        assertThat(read.root()).isEqualTo(CHECKPOINT.root());
    }

    @Test
    void anAlteredCheckpointDoesNotVerify() {
        String forged = note().replace("\n8\n", "\n9\n");
        assertThatThrownBy(
                        () -> SignedNote.verify(forged, SignedNote.verifierKey("endorsements.local", KEYS.getPublic())))
                .hasMessageContaining("does not verify");
    }

    @Test
    void anotherKeyDoesNotVerify() {
        String otherKey = SignedNote.verifierKey("endorsements.local", keys().getPublic());
        assertThatThrownBy(() -> SignedNote.verify(note(), otherKey)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysWhoseBase64ContainsAPlusSignStillParse() {
        for (int i = 0; i < 64; i++) {
            KeyPair pair = keys();
            String note = SignedNote.sign(CHECKPOINT, "endorsements.local", pair.getPrivate(), pair.getPublic());
            assertThat(SignedNote.verify(note, SignedNote.verifierKey("endorsements.local", pair.getPublic()))
                            .size())
                    .isEqualTo(8);
        }
    }
}
