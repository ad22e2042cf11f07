package org.endorsements.query.log.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.endorsements.query.log.LogProperties;
import org.endorsements.transparency.Note;
import org.endorsements.transparency.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rotation: during the transition a checkpoint carries the new and the old key's signature. */
class LogSigningKeyTest {

    private static final String TEXT =
            "endorsements.local/statements/icc\n1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n";

    @TempDir
    Path dir;

    private LogSigningKey key(String file, List<String> retiring) throws Exception {
        return new LogSigningKey(new LogProperties(
                "endorsements.local/statements/",
                "endorsements.local",
                dir.resolve(file).toString(),
                Duration.ofSeconds(2),
                List.of(),
                Duration.ofSeconds(5),
                retiring));
    }

    @Test
    void duringARotationACheckpointVerifiesWithTheOldKeyAndWithTheNewOne() throws Exception {
        String oldKey = key("old.key", List.of()).verifierKey();
        LogSigningKey rotating = key("new.key", List.of(dir.resolve("old.key").toString()));
        String note = new Note(TEXT, rotating.sign(TEXT)).encode();
        assertThat(rotating.verifierKeys()).containsExactly(rotating.verifierKey(), oldKey);
        assertThat(SignedNote.verify(note, oldKey).size()).isEqualTo(1);
        assertThat(SignedNote.verify(note, rotating.verifierKey()).size()).isEqualTo(1);
    }

    @Test
    void onceRetiredTheOldKeyNoLongerSigns() throws Exception {
        String oldKey = key("old.key", List.of()).verifierKey();
        LogSigningKey retired = key("new.key", List.of());
        String note = new Note(TEXT, retired.sign(TEXT)).encode();
        assertThatThrownBy(() -> SignedNote.verify(note, oldKey)).hasMessageContaining("no signature");
    }

    @Test
    void twoInstancesReadingOneKeyFileSignAlike() throws Exception {
        LogSigningKey first = key("shared.key", List.of());
        LogSigningKey second = key("shared.key", List.of());
        assertThat(second.verifierKey()).isEqualTo(first.verifierKey());
        assertThat(new Note(TEXT, second.sign(TEXT)).encode()).isEqualTo(new Note(TEXT, first.sign(TEXT)).encode());
    }

    @Test
    void aCheckpointSignedBeforeTheRotationLacksTheNewKeysSignature() throws Exception {
        String before = new Note(TEXT, key("old.key", List.of()).sign(TEXT)).encode();
        LogSigningKey rotating = key("new.key", List.of(dir.resolve("old.key").toString()));
        assertThat(rotating.signedByAll(Note.parse(before))).isFalse();
        assertThat(rotating.signedByAll(Note.parse(before).with(rotating.sign(TEXT))))
                .isTrue();
    }

    @Test
    void aMissingRetiringKeyFileStopsTheStart() {
        assertThatThrownBy(
                        () -> key("new.key", List.of(dir.resolve("absent.key").toString())))
                .hasMessageContaining("does not exist");
    }
}
