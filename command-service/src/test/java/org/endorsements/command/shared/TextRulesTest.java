package org.endorsements.command.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u202A",
                "\u202B",
                "\u202C",
                "\u202D",
                "\u202E",
                "\u2066",
                "\u2067",
                "\u2068",
                "\u2069",
                "\u200B",
                "\u200C",
                "\u200D",
                "\u2060",
                "\uFEFF",
                // invisible characters the security review found accepted
                "\u200E",
                "\u200F",
                "\u061C",
                "\u00AD",
                "\u034F",
                "\u180E",
                "\u2061",
                "\u2064",
                "\u115F",
                "\u1160",
                "\u3164",
                "\uFFA0",
                "\uFE0F",
                "\uDB40\uDC00",
                "\uDB40\uDC41",
                "\uDB40\uDC7F",
                "\uDB40\uDD00"
            })
    void aSingleLineTextRefusesBidiAndInvisibleCharacters(String character) {
        assertThatThrownBy(() -> TextRules.singleLine("Provea" + character + "x", "name", 200, true))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("invisible or bidirectional");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "\uDFFF", "a\uDC00", "\uD83D"})
    void everyTextRefusesALoneSurrogate(String text) {
        assertThatThrownBy(() -> TextRules.singleLine("x" + text, "name", 200, true))
                .hasMessageContaining("lone UTF-16 surrogate");
        assertThatThrownBy(() -> TextRules.multiLine("x" + text, "body", 200))
                .hasMessageContaining("lone UTF-16 surrogate");
    }

    @Test
    void aSurrogatePairIsOneCharacter() {
        assertThat(TextRules.singleLine("Provea \uD83D\uDE00", "name", 8, true)).isEqualTo("Provea \uD83D\uDE00");
    }

    @Test
    void aMultiLineTextKeepsRightToLeftMarks() {
        assertThat(TextRules.multiLine("\u05E9\u05DC\u05D5\u05DD \u200F(1)", "body", 100))
                .contains("\u200F");
    }
}
