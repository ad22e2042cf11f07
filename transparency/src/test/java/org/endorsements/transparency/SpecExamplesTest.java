package org.endorsements.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers from the C2SP specifications' own examples (signed-note, tlog-cosignature, tlog-witness), kept
 * verbatim as test data. tlog-cosignature publishes no key for its example cosignature, so for it what can be
 * checked is the framing and the exact signed message.
 */
class SpecExamplesTest {

    /** c2sp.org/signed-note, "Verifier keys / Example". */
    static final String SPEC_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";

    static final String SPEC_NOTE = "This is an example message.\n\n— example.com/foo "
            + "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    /** c2sp.org/signed-note, the introduction's note, whose text contains a blank line. */
    static final String QUASIMODO = "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\n"
            + "ed è subito sera.\n\n— quasimodo.example/salvatore "
            + "NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n";

    /** c2sp.org/tlog-cosignature, the introduction's checkpoint with a log signature and a cosignature. */
    static final String COSIGNED = "example.com/behind-the-sofa\n20852163\n"
            + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
            + "— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
            + "— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n";

    /** c2sp.org/tlog-cosignature, "Ed25519 signed message". */
    static final String COSIGNED_MESSAGE = "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
            + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    /** c2sp.org/tlog-witness, add-checkpoint's example response body. */
    static final String WITNESS_RESPONSE =
            "— witness.example/w1 CMp+6LWBU0anHGH5aNDTJkH/gj79sG+T6+iP2ThYN5krrDJbR1HDnucjL39QsZTSvVjyQLrdk3DXDqI5G2HgLatVs0pWh6Up69HVOw==\n"
                    + "— witness.example/w1 I7rEps0pvK2UqkS2gSpVUDhrhVtQV9lgF6pRrWAvjJHjyWpW7VcE3SiOlVlbQNt64vWhO+DlkL0+UfzuOBMh9ChdMkP1vi/lCAsmlw==\n"
                    + "— witness.example/w2 AWui8Sk55XjYLOijihBjhqEH6nS1ndDymE0a+6idX7pLcnoB+dhnz0854aLZgrrKbYKA7nC3HNJhm/kWl7oJlqU3rXXvpysAdyP3wQ==\n";

    @Test
    void theSignedNoteSpecExampleVerifiesWithItsVerifierKey() {
        Note note = Note.parse(SPEC_NOTE);
        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(note.verifiedBy(List.of(NoteVerifier.parse(SPEC_VKEY)))).hasSize(1);
    }

    @Test
    void theSignedNoteSpecExampleVerifiesWithTheIndependentVerifier() throws Exception {
        assertThat(SpecNoteVerifier.verify(
                        SPEC_NOTE.getBytes(StandardCharsets.UTF_8), List.of(SpecNoteVerifier.Vkey.of(SPEC_VKEY))))
                .containsExactly("example.com/foo");
    }

    @Test
    void theSignedNoteSpecExampleFailsWhenItsTextIsAltered() {
        Note note = Note.parse(SPEC_NOTE.replace("example message", "exemplary message"));
        assertThatThrownBy(() -> note.verifiedBy(List.of(NoteVerifier.parse(SPEC_VKEY))))
                .hasMessageContaining("does not verify");
    }

    @Test
    void theSpecVerifierKeyRoundTripsAndItsKeyIdIsChecked() {
        assertThat(NoteVerifier.parse(SPEC_VKEY).encode()).isEqualTo(SPEC_VKEY);
        assertThatThrownBy(() -> NoteVerifier.parse(SPEC_VKEY.replace("530d903a", "530d903b")))
                .hasMessageContaining("id does not match");
    }

    @Test
    void aSignatureWhoseNameMatchesButIdDoesNotIsIgnored() {
        NoteVerifier key = NoteVerifier.parse(SPEC_VKEY);
        NoteVerifier sameNameOtherKey = NoteVerifier.of(
                "example.com/foo", NoteVerifier.ED25519, Ed25519Keys.generate().getPublic());
        assertThat(Note.parse(SPEC_NOTE).verifiedBy(List.of(sameNameOtherKey))).isEmpty();
        assertThat(Note.parse(SPEC_NOTE).verifiedBy(List.of(sameNameOtherKey, key)))
                .containsExactly(key);
    }

    @Test
    void aNoteWhoseTextHasABlankLineIsSplitAtTheLastBlankLine() {
        Note note = Note.parse(QUASIMODO);
        assertThat(note.text()).endsWith("trafitto da un raggio di sole:\n\ned è subito sera.\n");
        assertThat(note.signatures()).singleElement().satisfies(s -> {
            assertThat(s.keyName()).isEqualTo("quasimodo.example/salvatore");
            assertThat(s.bytes()).hasSize(64);
        });
    }

    @Test
    void theCosignatureSpecExampleFramesAKeyIdATimestampAndAnEd25519Signature() {
        Note note = Note.parse(COSIGNED);
        assertThat(SignedNote.parse(note.text()).size()).isEqualTo(20852163);
        Note.Signature cosignature = note.signatures().get(1);
        assertThat(cosignature.keyName()).isEqualTo("witness.example.com/w1");
        assertThat(cosignature.keyId()).isEqualTo(0x8d66cf3f);
        assertThat(Cosignature.timestamp(cosignature)).isEqualTo(1679315147L);
        assertThat(cosignature.line()).isEqualTo(COSIGNED.substring(COSIGNED.indexOf("— witness")));
    }

    @Test
    void theCosignedMessageIsExactlyTheSpecExample() {
        String text = Note.parse(COSIGNED).text();
        assertThat(new String(Cosignature.message(text, 1679315147L), StandardCharsets.UTF_8))
                .isEqualTo(COSIGNED_MESSAGE);
    }

    @Test
    void theWitnessSpecExampleResponseParsesAsThreeSignatureLines() {
        List<Note.Signature> lines = Note.parseSignatureLines(WITNESS_RESPONSE);
        assertThat(lines)
                .extracting(Note.Signature::keyName)
                .containsExactly("witness.example/w1", "witness.example/w1", "witness.example/w2");
        // The example's bytes are illustrative (its "timestamps" are random): only the framing is checked.
        assertThat(lines).allSatisfy(s -> assertThat(s.bytes()).hasSize(8 + 64));
    }

    @Test
    void aNoteWithAControlCharacterIsRejected() {
        assertThatThrownBy(() -> Note.parse(SPEC_NOTE.replace("This is", "This\tis")))
                .hasMessageContaining("control character");
    }

    @Test
    void aKeyNameWithAPlusSignIsRejected() {
        assertThatThrownBy(() -> Note.parse(SPEC_NOTE.replace("— example.com/foo", "— example.com+foo")))
                .hasMessageContaining("key name");
    }
}
