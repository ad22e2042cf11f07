package org.endorsements.cli.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetterParserTest {

    private static final Path SEED = Paths.get("..", "seeds", "ve-icc-cooperation-letter.txt");

    private static Letter seed() throws Exception {
        return LetterParser.parse(Files.readAllBytes(SEED));
    }

    @Test
    void theSeedLetterHas111EntriesFor110Organizations() throws Exception {
        Letter letter = seed();
        SignatoryAnalysis.Result analysis = SignatoryAnalysis.analyze(letter);

        assertThat(letter.entries()).hasSize(111);
        assertThat(analysis.signatories()).hasSize(110);
        assertThat(letter.body())
                .startsWith("The Venezuelan social and human rights organizations")
                .endsWith("as they are the main containment for the abuse of power.");
        assertThat(letter.closingNote()).isEqualTo("Translated by José Rafael Medina");
    }

    @Test
    void theSeedReportsEntry13AsARepeatOfEntry10() throws Exception {
        SignatoryAnalysis.Result analysis = SignatoryAnalysis.analyze(seed());

        assertThat(analysis.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.entry().number()).isEqualTo(13);
            assertThat(d.original().number()).isEqualTo(10);
        });
    }

    @Test
    void theSeedReportsTheGapAt108() throws Exception {
        assertThat(SignatoryAnalysis.analyze(seed()).missingNumbers()).containsExactly(108);
    }

    @Test
    void theSeedListsNearDuplicatesForReviewWithoutMergingThem() throws Exception {
        SignatoryAnalysis.Result analysis = SignatoryAnalysis.analyze(seed());

        assertThat(analysis.nearDuplicates())
                .extracting(n -> n.first().name() + " ~ " + n.second().name())
                .contains(
                        "Consejo Comunal TEBRIPAR ~ Tebripar",
                        "Escuela de Formación Obrera ~ Escuela de Formación Obrera Priscila López");
        assertThat(analysis.signatories())
                .extracting(s -> s.entry().name())
                .contains("Tebripar", "Consejo Comunal TEBRIPAR");
    }

    @Test
    void visibleTyposAreKeptAsWritten() throws Exception {
        assertThat(seed().entries())
                .extracting(Letter.Entry::name)
                .contains("Fedecámaras Mona gas", "Equipo de Defensa se Derechos Humanos del estado Táchira (EDDET)");
    }

    @Test
    void duplicatesIgnoreCaseAccentsSpacingAndPunctuation() throws Exception {
        Letter letter = LetterParser.parse("We agree.\n\n1) Acceso a la Justicia\n2)  ACCESO A LA JUSTÍCIA.\n");
        assertThat(SignatoryAnalysis.analyze(letter).duplicates()).hasSize(1);
    }

    @Test
    void blankLinesTrailingSpacesDashesAndMissingNumbersAreTolerated() throws Exception {
        Letter letter = LetterParser.parse(
                "We agree.   \r\n\r\n\r\nSigned:\n\n1 - Provea  \n\n2– Codhez\nCofavic\n4. Foro Penal\n");

        assertThat(letter.listIntro()).isEqualTo("Signed:");
        assertThat(letter.entries())
                .extracting(Letter.Entry::name)
                .containsExactly("Provea", "Codhez", "Cofavic", "Foro Penal");
        assertThat(letter.entries().get(2).number()).isNull();
        assertThat(SignatoryAnalysis.analyze(letter).unnumbered()).hasSize(1);
        assertThat(SignatoryAnalysis.analyze(letter).missingNumbers()).containsExactly(3);
    }

    @Test
    void aLetterWithoutAListIsRefusedNamingTheLastLine() {
        assertThatThrownBy(() -> LetterParser.parse("Only text.\nNo list.\n"))
                .isInstanceOf(LetterFormatException.class)
                .hasMessageStartingWith("line 3: no signatory list found");
    }

    @Test
    void aListWithoutTextIsRefusedNamingTheFirstEntry() {
        assertThatThrownBy(() -> LetterParser.parse("\n\n1) Provea\n"))
                .hasMessage("line 3: the letter has no text before its signatory list");
    }

    @Test
    void anEntryWithoutANameIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> LetterParser.parse("Text.\n\n1) Provea\n2) \n"))
                .hasMessage("line 4: entry 2 has no name");
    }

    @Test
    void numbersGoingBackwardsAreRefusedNamingBothLines() {
        assertThatThrownBy(() -> LetterParser.parse("Text.\n\n1) A\n2) B\n2) C\n"))
                .hasMessage("line 5: entry number 2 does not follow entry 2 (line 4)");
    }

    @Test
    void controlCharactersAreRefusedNamingTheLine() {
        assertThatThrownBy(() -> LetterParser.parse("Text.\n\n1) A\u0000B\n"))
                .hasMessage("line 3: contains control characters");
    }

    @Test
    void textAfterTheClosingLineIsRefused() {
        assertThatThrownBy(() -> LetterParser.parse("Text.\n\n1) A\nTranslated by someone\nMore text\n"))
                .hasMessageStartingWith("line 5: unexpected text after the closing line");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheLine() {
        byte[] latin1 = "Text.\n\n1) Médicos\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> LetterParser.parse(latin1)).hasMessageStartingWith("line 3: is not valid UTF-8");
    }

    @Test
    void theStructuredFormReadsBackAsTheSameLetter(@TempDir Path dir) throws Exception {
        StructuredLetter.Statement statement = new StructuredLetter.Statement(
                "seed",
                "A \"quoted\" title",
                "es",
                seed(),
                "José Rafael Medina",
                "es",
                "VE",
                new StructuredLetter.Targets(150, Instant.parse("2027-03-01T00:00:00Z")));
        StructuredLetter.write(dir, "seed", statement);

        StructuredLetter.Statement read = StructuredLetter.read(dir.resolve("seed.md"));

        assertThat(read.title()).isEqualTo("A \"quoted\" title");
        assertThat(read.language()).isEqualTo("es");
        assertThat(read.translator()).isEqualTo("José Rafael Medina");
        assertThat(read.originalLanguage()).isEqualTo("es");
        assertThat(read.country()).isEqualTo("VE");
        assertThat(read.targets()).isEqualTo(statement.targets());
        assertThat(read.letter().body()).isEqualTo(statement.letter().body());
        assertThat(read.letter().closingNote()).isEqualTo(statement.letter().closingNote());
        assertThat(read.letter().entries())
                .extracting(e -> e.number() + " " + e.name())
                .isEqualTo(statement.letter().entries().stream()
                        .map(e -> e.number() + " " + e.name())
                        .toList());
    }

    @Test
    void aStructuredLetterWithoutTargetsLeavesTheStatementsOwn(@TempDir Path dir) throws Exception {
        StructuredLetter.write(
                dir, "plain", new StructuredLetter.Statement("plain", "Plain", "en", seed(), null, null, null));

        assertThat(StructuredLetter.read(dir.resolve("plain.md")).targets().any())
                .isFalse();
    }

    @Test
    void aSignatureGoalThatIsNotANumberIsRefusedNamingTheFrontMatter(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("s.csv"), "entry,name\n1,A\n");
        Files.writeString(
                dir.resolve("s.md"),
                "---\nstatementId: s\ntitle: S\nsignatureGoal: many\nsignatories: s.csv\n---\n\nText.\n");

        assertThatThrownBy(() -> StructuredLetter.read(dir.resolve("s.md")))
                .hasMessageContaining("signatureGoal 'many' is not a whole number");
    }

    /**
     * The seed has a goal to show its progress against, and no closing time: a seed that closed itself would
     * refuse every later endorsement of the demo and of a newcomer trying the API.
     */
    @Test
    void theCommittedSeedHasAGoalAndNoClosingTime() throws Exception {
        StructuredLetter.Targets targets = StructuredLetter.read(Paths.get("..", "seeds", "ve-icc-cooperation-2021.md"))
                .targets();

        assertThat(targets.signatureGoal()).isEqualTo(150);
        assertThat(targets.closesAt()).isNull();
    }

    @Test
    void theCommittedStructuredSeedMatchesTheLetter() throws Exception {
        StructuredLetter.Statement structured =
                StructuredLetter.read(Paths.get("..", "seeds", "ve-icc-cooperation-2021.md"));
        Letter letter = seed();

        assertThat(structured.letter().body()).isEqualTo(letter.body());
        assertThat(structured.letter().entries())
                .extracting(e -> e.number() + " " + e.name())
                .isEqualTo(letter.entries().stream()
                        .map(e -> e.number() + " " + e.name())
                        .toList());
    }
}
