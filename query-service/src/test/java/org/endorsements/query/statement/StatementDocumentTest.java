package org.endorsements.query.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementDocumentTest {

    private static final Instant AS_OF = Instant.parse("2026-11-28T12:00:00Z");

    private static StatementDocument.Content content(List<String> names, String intro, int withheld) {
        return contentOf(
                names.stream()
                        .map(name -> new StatementDocument.Signatory(name, "organization-credential"))
                        .toList(),
                intro,
                withheld);
    }

    private static StatementDocument.Content contentOf(
            List<StatementDocument.Signatory> names, String intro, int withheld) {
        return new StatementDocument.Content(
                "Title",
                "First paragraph.\n\nSecond paragraph.",
                intro,
                "Translated by someone",
                names,
                AS_OF,
                withheld);
    }

    @Test
    void theDocumentReproducesTextListAndClosingLine() {
        String text = StatementDocument.render(
                content(List.of("Provea", "Codhez"), "Signed:", 0), StatementDocument.Format.PLAIN);

        assertThat(text).isEqualTo("""
                Title
                =====

                First paragraph.

                Second paragraph.

                Signed:

                1) Provea (organization-credential)
                2) Codhez (organization-credential)

                Translated by someone

                As of 2026-11-28T12:00:00Z: 2 signatories.

                In parentheses, what vouches for each signature: organization-key (a signature by the organization's \
                own key), organization-credential (its API key), admin-issued-credential (a key the platform's \
                operator issued), imported (recorded by the operator from another channel).
                """);
    }

    @Test
    void signatoriesAreNumberedWithoutHoles() {
        String text =
                StatementDocument.render(content(List.of("A", "B", "C"), null, 0), StatementDocument.Format.MARKDOWN);
        assertThat(text)
                .contains(
                        "1) A (organization-credential)\n2) B (organization-credential)\n3) C (organization-credential)\n");
    }

    @Test
    void namesAreDataNotMarkdown() {
        String text = StatementDocument.render(
                content(List.of("<img src=x onerror=alert(1)>", "*bold* [link](x)"), null, 0),
                StatementDocument.Format.MARKDOWN);

        assertThat(text).contains("1) \\<img src=x onerror=alert(1)\\> (", "2) \\*bold\\* \\[link\\](x) (");
    }

    @Test
    void withheldSignatoriesAreCountedButNotNamed() {
        String text = StatementDocument.render(content(List.of("A"), null, 2), StatementDocument.Format.PLAIN);
        assertThat(text)
                .contains("As of 2026-11-28T12:00:00Z: 1 signatory (2 who have withdrawn since are not named).\n");
    }

    @Test
    void eachSignatoryShowsWhatVouchesForItsSignature() {
        String text = StatementDocument.render(
                contentOf(
                        List.of(
                                new StatementDocument.Signatory("Provea", "organization-key"),
                                new StatementDocument.Signatory("Codhez", "admin-issued-credential"),
                                new StatementDocument.Signatory("Letter signer", "imported")),
                        null,
                        0),
                StatementDocument.Format.MARKDOWN);

        assertThat(text)
                .contains(
                        "1) Provea (organization-key)\n",
                        "2) Codhez (admin-issued-credential)\n",
                        "3) Letter signer (imported)\n",
                        StatementDocument.ASSURANCE_LEGEND);
    }

    @Test
    void aDocumentWithoutNamedSignatoriesHasNoLegend() {
        String text = StatementDocument.render(content(List.of(), null, 0), StatementDocument.Format.PLAIN);
        assertThat(text).doesNotContain(StatementDocument.ASSURANCE_LEGEND);
    }

    @Test
    void aSignatoryOfAnEarlierVersionIsMarkedAndTheDocumentNamesItsVersion() throws Exception {
        StringBuilder out = new StringBuilder();
        StatementDocument.Writer document = new StatementDocument.Writer(out, StatementDocument.Format.PLAIN);
        document.opening("Title", "Text of version 2.", null);
        document.signatory("Provea", "organization-credential", null);
        document.signatory("Codhez", "imported", 1);
        document.closing(null, AS_OF, 0);
        document.version(2, "d".repeat(64));

        assertThat(out.toString())
                .contains("1) Provea (organization-credential)\n2) Codhez (imported) (signed version 1)\n")
                .endsWith("Text of version 2 (content hash " + "d".repeat(64)
                        + "); a signatory marked with an earlier version has not re-confirmed this one.\n");
    }
}
