package org.endorsements.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpoofingCharactersTest {

    /** Code points the review found accepted: marks, fillers, soft hyphen, invisible operators, tags, selectors. */
    private static final int[] INVISIBLE = {
        0x200E, 0x200F, 0x061C, 0x00AD, 0x034F, 0x180E, 0x2061, 0x2062, 0x2063, 0x2064, 0xE0000, 0xE0001, 0xE0020,
        0xE0041, 0xE007F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0xFE00, 0xFE0F, 0x180B, 0x180F, 0xE0100, 0xE01EF, 0x17B4,
        0x1D173, 0x1BCA0, 0xFFF0
    };

    @Test
    void everyInvisibleCharacterTheReviewFoundIsRefused() {
        for (int codePoint : INVISIBLE) {
            assertThat(SpoofingCharacters.containsAny("Provea" + Character.toString(codePoint) + "x"))
                    .as("U+%04X", codePoint)
                    .isTrue();
        }
    }

    @Test
    void everyFormatCharacterIsRefused() {
        IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(cp -> Character.getType(cp) == Character.FORMAT)
                .forEach(cp -> assertThat(SpoofingCharacters.containsAny(Character.toString(cp)))
                        .as("U+%04X", cp)
                        .isTrue());
    }

    @Test
    void bidiControlsAndZeroWidthCharactersAreStillRefused() {
        for (int codePoint : new int[] {0x202A, 0x202E, 0x2066, 0x2069, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}) {
            assertThat(SpoofingCharacters.containsAny(Character.toString(codePoint)))
                    .as("U+%04X", codePoint)
                    .isTrue();
        }
    }

    @Test
    void namesInOtherScriptsAndWithEmojiArePlainText() {
        assertThat(SpoofingCharacters.containsAny("Провея")).isFalse();
        assertThat(SpoofingCharacters.containsAny("\u05E9\u05DC\u05D5\u05DD")).isFalse();
        assertThat(SpoofingCharacters.containsAny("مرصد حقوق")).isFalse();
        assertThat(SpoofingCharacters.containsAny("한국 인권")).isFalse();
        assertThat(SpoofingCharacters.containsAny("Café \uD83C\uDF0D")).isFalse();
    }
}
