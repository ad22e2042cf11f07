package org.endorsements.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnchorsTest {

    private static final String FINGERPRINT = "ab".repeat(32);

    @Test
    void anAnchorLineNamesTheOrganizationItsFingerprintAndWhereItWasRead() {
        Anchors anchors = Anchors.parse(
                List.of(
                        "# assembled by the coalition",
                        "",
                        "provea " + FINGERPRINT.toUpperCase() + " https://provea.example/keys  # its site",
                        "cofavic   " + "cd".repeat(32)),
                "anchors.txt");

        assertThat(anchors.of("provea"))
                .contains(new Anchors.Anchor("provea", FINGERPRINT, "https://provea.example/keys"));
        assertThat(anchors.of("cofavic"))
                .hasValueSatisfying(anchor -> assertThat(anchor.source()).isEqualTo("anchors.txt line 4"));
        assertThat(anchors.of("codhez")).isEmpty();
    }

    @Test
    void aLineWithoutAFingerprintIsRefusedNamingIt() {
        assertThatThrownBy(() -> Anchors.parse(List.of("# header", "provea https://provea.example"), "anchors.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("anchors.txt line 2");
    }

    @Test
    void anOrganizationGivenTwoFingerprintsIsRefused() {
        assertThatThrownBy(() ->
                        Anchors.parse(List.of("provea " + FINGERPRINT, "provea " + "cd".repeat(32)), "anchors.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another fingerprint");
    }
}
