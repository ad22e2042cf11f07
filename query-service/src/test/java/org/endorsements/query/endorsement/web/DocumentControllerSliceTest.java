package org.endorsements.query.endorsement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.bearer;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.endorsements.query.support.QueryWebSlice.Http.streamed;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.endorsements.events.EndorsementId;
import org.endorsements.query.endorsement.Audience;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.SignatoryAt;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.log.PublishedCheckpoints;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.Statements;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = DocumentController.class)
@QueryWebSlice
class DocumentControllerSliceTest {

    private static final Instant NOW = Instant.parse("2026-03-05T12:00:00.750Z");
    private static final Instant AS_OF = Instant.parse("2026-03-02T10:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Statements statements;

    @MockitoBean
    EndorsementQueries endorsements;

    @MockitoBean
    InForceAt inForceAt;

    @MockitoBean
    PublishedCheckpoints checkpoints;

    private static final PublishedCheckpoints.Checkpoint CHECKPOINT = new PublishedCheckpoints.Checkpoint(
            7,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "endorsements.local+1a2b3c4d+AQd3ZWxsLWtub3duLWtleS1mb3ItYS10ZXN0LW9ubHktMzI=",
            "1a2b3c4d",
            "endorsements.local/statements/clean-air\n7\nn4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=\n\n"
                    + "— endorsements.local GisPTQ==\n");

    private final StatementView statement = StatementView.placeholder("clean-air");

    @BeforeEach
    void aStatementWithOneCurrentSignatory() {
        statement.published(
                "Clean *air*",
                "We ask for clean air.",
                "en",
                "sha256:abc",
                "We, the undersigned:",
                null,
                Instant.parse("2026-03-01T09:00:00Z"),
                1);
        when(statements.find("clean-air")).thenReturn(Optional.of(statement));
        EndorsementView acme = EndorsementView.empty(EndorsementId.of("clean-air", "acme"));
        acme.added("Acme_Corp", AS_OF, "web", 1, "credential:c1", "sha256:abc", "opening", 1, false);
        doAnswer(call -> {
                    Consumer<List<EndorsementView>> page = call.getArgument(3);
                    page.accept(List.of(acme));
                    return null;
                })
                .when(endorsements)
                .forEachCurrentSignatory(eq("clean-air"), eq(Audience.PUBLIC), anyInt(), any());
    }

    @Test
    void theMarkdownDocumentIsTheLetterWithItsSignatoriesNumberedAsOfNow() {
        assertThat(streamed(mvc, mvc.get().uri("/api/statements/clean-air/document.md")))
                .hasStatusOk()
                .hasContentType("text/markdown;charset=UTF-8")
                .hasBodyTextEqualTo("""
                        # Clean \\*air\\*

                        We ask for clean air.

                        We, the undersigned:

                        1) Acme\\_Corp (organization-credential)

                        _As of 2026-03-05T12:00:00Z: 1 signatory._

                        In parentheses, what vouches for each signature: organization-key (a signature by the \
                        organization's own key), organization-credential (its API key), admin-issued-credential (a \
                        key the platform's operator issued), imported (recorded by the operator from another \
                        channel).
                        """);
    }

    @Test
    void thePlainTextDocumentIsTheSameLetterUnescaped() {
        assertThat(streamed(mvc, mvc.get().uri("/api/statements/clean-air/document.txt")))
                .hasStatusOk()
                .hasContentType("text/plain;charset=UTF-8")
                .bodyText()
                .startsWith("Clean *air*\n===========\n")
                .contains("1) Acme_Corp (organization-credential)\n");
    }

    @Test
    void theDocumentAddressGivesTheFormatTheClientAccepts() {
        assertThat(streamed(
                        mvc, mvc.get().uri("/api/statements/clean-air/document").accept(MediaType.TEXT_PLAIN)))
                .hasContentType("text/plain;charset=UTF-8");
        assertThat(streamed(
                        mvc, mvc.get().uri("/api/statements/clean-air/document").accept("text/markdown")))
                .hasContentType("text/markdown;charset=UTF-8");
    }

    @Test
    void aPastDocumentNamesWhoWasInForceThenAndCountsWhoHasWithdrawnSince() {
        when(inForceAt.get(statement, AS_OF, false))
                .thenReturn(new EndorsementQueries.SignatoriesAt(
                        List.of(new SignatoryAt(
                                "b", "Beta", AS_OF, "web", 2, "sha256:abc", "o", null, "organization-key", "k1")),
                        1));

        assertThat(streamed(
                        mvc,
                        mvc.get().uri("/api/statements/clean-air/document.txt").param("asOf", AS_OF.toString())))
                .hasStatusOk()
                .bodyText()
                .contains("1) Beta (organization-key)\n")
                .contains("As of 2026-03-02T10:00:00Z: 1 signatory (1 who have withdrawn since are not named).\n");
    }

    @Test
    void anAuditorsPastDocumentIsAskedForEveryoneInForceThen() {
        when(inForceAt.get(statement, AS_OF, true)).thenReturn(new EndorsementQueries.SignatoriesAt(List.of(), 0));

        assertThat(streamed(
                        mvc,
                        mvc.get()
                                .uri("/api/statements/clean-air/document.md")
                                .param("asOf", AS_OF.toString())
                                .header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.AUDITOR_KEY))))
                .hasStatusOk();
        verify(inForceAt).get(statement, AS_OF, true);
    }

    /** Letter entries with the seed's letters: accents, ñ, typographic quotes. */
    private void signatoriesWithSpanishNames(String... names) {
        doAnswer(call -> {
                    Consumer<List<EndorsementView>> page = call.getArgument(3);
                    List<EndorsementView> views = new java.util.ArrayList<>();
                    for (int i = 0; i < names.length; i++) {
                        EndorsementView view = EndorsementView.empty(EndorsementId.of("clean-air", "org-" + i));
                        view.added(names[i], AS_OF, "imported", i + 1, "admin", "sha256:abc", "opening", 1, false);
                        views.add(view);
                    }
                    page.accept(views);
                    return null;
                })
                .when(endorsements)
                .forEachCurrentSignatory(eq("clean-air"), eq(Audience.PUBLIC), anyInt(), any());
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    void thePdfHasTheTextAndTheNumberedSignatoriesOfThePlainDocumentAndThenTheLogsCheckpoint() throws Exception {
        signatoriesWithSpanishNames(
                "Acción Solidaria", "Asociación Civil “Mujeres en Línea”", "Fundación Aguaclara", "Niñez en Riesgo");
        when(checkpoints.latest("clean-air")).thenReturn(Optional.of(CHECKPOINT));
        String plain = streamed(mvc, mvc.get().uri("/api/statements/clean-air/document.txt"))
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\n=+\n", "\n"); // the plain text's underline of the title

        var answer = streamed(mvc, mvc.get().uri("/api/statements/clean-air/document.pdf"));
        assertThat(answer).hasStatusOk().hasContentType("application/pdf");
        String pdf = words(pdfText(answer.getResponse().getContentAsByteArray()));

        assertThat(pdf).startsWith(words(plain));
        assertThat(pdf.substring(words(plain).length()))
                .contains("Log tree size: 7")
                .contains("Root hash (SHA-256): " + CHECKPOINT.rootHash())
                .contains("Verifier key id: 1a2b3c4d");
        assertThat(pdf.replace(" ", "")).contains(CHECKPOINT.verifierKey());
    }

    @Test
    void thePdfIsWhatTheDocumentAddressGivesAClientThatAcceptsPdf() {
        assertThat(streamed(
                        mvc, mvc.get().uri("/api/statements/clean-air/document").accept("application/pdf")))
                .hasStatusOk()
                .hasContentType("application/pdf")
                .hasHeader("Content-Disposition", "inline; filename=\"clean-air.pdf\"");
    }

    @Test
    void theDocumentAddressStillGivesMarkdownToAClientThatAcceptsAnything() {
        assertThat(streamed(mvc, mvc.get().uri("/api/statements/clean-air/document")))
                .hasStatusOk()
                .hasContentType("text/markdown;charset=UTF-8");
        assertThat(streamed(
                        mvc, mvc.get().uri("/api/statements/clean-air/document").accept(MediaType.ALL)))
                .hasStatusOk()
                .hasContentType("text/markdown;charset=UTF-8");
    }

    @Test
    void aPastPdfNamesWhoWasInForceThenLikeThePastMarkdownDocument() throws Exception {
        when(inForceAt.get(statement, AS_OF, false))
                .thenReturn(new EndorsementQueries.SignatoriesAt(
                        List.of(new SignatoryAt(
                                "b", "Beta", AS_OF, "web", 2, "sha256:abc", "o", null, "organization-key", null)),
                        1));

        var answer = streamed(
                mvc, mvc.get().uri("/api/statements/clean-air/document.pdf").param("asOf", AS_OF.toString()));

        assertThat(words(pdfText(answer.getResponse().getContentAsByteArray())))
                .contains(
                        "1) Beta (organization-key) As of 2026-03-02T10:00:00Z: 1 signatory (1 who have withdrawn since are not"
                                + " named).")
                .doesNotContain("Acme_Corp")
                .contains("had no signed checkpoint yet");
    }

    @Test
    void aNameWithACharacterTheFontLacksIsPrintedWithAReplacementCharacterNotLeftOut() throws Exception {
        signatoriesWithSpanishNames("Grupo \uD83D\uDE00 Alegre");

        var answer = streamed(mvc, mvc.get().uri("/api/statements/clean-air/document.pdf"));

        assertThat(answer).hasStatusOk();
        assertThat(words(pdfText(answer.getResponse().getContentAsByteArray()))).contains("1) Grupo \uFFFD Alegre");
    }

    @Test
    void anAsOfThatIsNoInstantIsABadRequestProblem() {
        assertThat(mvc.get().uri("/api/statements/clean-air/document.md").param("asOf", "garbage"))
                .hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-as-of"));
    }

    @Test
    void anAsOfBeyondFourDigitYearsIsABadRequestProblemWhoseDetailNamesIt() {
        String parameter = "asOf";
        assertThat(mvc.get()
                        .uri(URI.create("/api/statements/clean-air/document.md?asOf=%2B1000000000-01-01T00:00:00Z")))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").asString().startsWith(problem(""));
                    assertThat(json).extractingPath("$.detail").asString().contains(parameter);
                });
    }

    @Test
    void theDocumentOfAnUnknownStatementIsANotFoundProblem() {
        assertThat(mvc.get().uri("/api/statements/no-such-statement/document.md"))
                .hasStatus(404)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-found"));
    }

    @Test
    void aMinPositionThatIsNoTokenIsABadRequestProblem() {
        assertThat(mvc.get().uri("/api/statements/clean-air/document.md").param("minPosition", "garbage"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-min-position"));
    }
}
