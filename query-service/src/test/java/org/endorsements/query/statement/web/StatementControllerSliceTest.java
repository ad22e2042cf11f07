package org.endorsements.query.statement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.bearer;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.query.statement.HiddenSignatories;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.VersionCounts;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = StatementController.class)
@QueryWebSlice
@Import(StatementControllerSliceTest.FixedClock.class)
class StatementControllerSliceTest {

    private static final Instant PUBLISHED = Instant.parse("2026-03-01T09:00:00Z");
    /** The instant the slice reads at: what the time left is measured from. */
    private static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    QueryWebSlice.Views views;

    @MockitoBean
    StatementQueries statements;

    @MockitoBean
    HiddenSignatories hidden;

    @MockitoBean
    VersionCounts versionCounts;

    private final StatementView statement = StatementView.placeholder("clean-air");

    @BeforeEach
    void aPublishedStatementWithOneSignatory() {
        statement.published("Clean air", "We ask for clean air.", "en", "sha256:abc", null, null, PUBLISHED, 1);
        statement.endorsementAdded(PUBLISHED.plusSeconds(60), 7);
        when(statements.find("clean-air")).thenReturn(Optional.of(statement));
        when(statements.all()).thenReturn(List.of(statement));
    }

    @Test
    void theListOfStatementsIsPublicAndSummarizesEachWithoutItsText() {
        assertThat(mvc.get().uri("/api/statements"))
                .hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .bodyJson()
                .isLenientlyEqualTo("""
                        [{"statementId": "clean-air", "title": "Clean air", "language": "en",
                          "contentHash": "sha256:abc", "status": "open", "publishedAt": "2026-03-01T09:00:00Z",
                          "endorsementCount": 1, "totalEndorsementsAdded": 1, "withdrawals": 0,
                          "firstEndorsementAt": "2026-03-01T09:01:00Z"}]""")
                .doesNotHavePath("$[0].body");
    }

    @Test
    void aStatementIsAnsweredWithItsTextAndCounts() {
        assertThat(mvc.get().uri("/api/statements/clean-air"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"statementId": "clean-air", "title": "Clean air", "body": "We ask for clean air.",
                         "status": "open", "endorsementCount": 1, "lastEndorsementAt": "2026-03-01T09:01:00Z"}""");
    }

    @Test
    void aStatementSaysHowManySignedEachVersionAndListsItsTranslations() {
        statement.textAdded(
                new StatementView.Text(
                        "sha256:es",
                        "sha256:abc",
                        "es",
                        "Aire limpio",
                        "Pedimos aire limpio.",
                        "Ana Pérez",
                        false,
                        PUBLISHED.plusSeconds(30)),
                1);
        statement.amended(2, "Clean air", "We ask for cleaner air.", "en", "sha256:v2", PUBLISHED.plusSeconds(90), 2);
        when(versionCounts.currentSignatoriesOf("clean-air", "sha256:abc")).thenReturn(1L);
        when(versionCounts.currentSignatoriesOf("clean-air", "sha256:v2")).thenReturn(0L);

        assertThat(mvc.get().uri("/api/statements/clean-air"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"contentHash": "sha256:v2", "version": 2, "body": "We ask for cleaner air.",
                         "versions": [
                           {"version": 1, "contentHash": "sha256:abc", "inForce": false, "signatories": 1},
                           {"version": 2, "contentHash": "sha256:v2", "inForce": true, "signatories": 0}],
                         "texts": [{"contentHash": "sha256:es", "versionContentHash": "sha256:abc", "version": 1,
                                    "language": "es", "translator": "Ana Pérez", "original": false}]}""");
    }

    @Test
    void aStatementPublishedAsATranslationNamesItsTranslatorAndItsOriginalsLanguage() {
        statement.translatedFrom("José Rafael Medina", "es");

        assertThat(mvc.get().uri("/api/statements/clean-air"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"version": 1, "translator": "José Rafael Medina", "originalLanguage": "es"}""");
    }

    @Test
    void aStatementsCountsSayHowManyAreCountedButNotNamed() {
        when(hidden.countedButHidden("clean-air")).thenReturn(1L);

        assertThat(mvc.get().uri("/api/statements/clean-air"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"endorsementCount": 1, "countedButHidden": 1}""");
    }

    @Test
    void anUnknownStatementIsANotFoundProblem() {
        assertThat(mvc.get().uri("/api/statements/no-such-statement"))
                .hasStatus(404)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-found"));
    }

    @Test
    void aMinPositionThatIsNoTokenIsABadRequestProblem() {
        assertThat(mvc.get().uri("/api/statements/clean-air").param("minPosition", "garbage"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-min-position"));
    }

    @Test
    void aReadWithAMinPositionTheViewsIncludeIsAnswered() {
        ConsistencyToken written = QueryWebSlice.POSITIONS.sign(AggregateType.STATEMENT, "clean-air", 1);
        views.include(written);

        assertThat(mvc.get().uri("/api/statements/clean-air").param("minPosition", written.encode()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.statementId")
                .isEqualTo("clean-air");
    }

    @Test
    void aMinPositionTheCommandServiceDidNotSignIsABadRequestProblemEvenWhenTheViewsIncludeIt() {
        ConsistencyToken unsigned = new ConsistencyToken(AggregateType.STATEMENT, "clean-air", 1);
        views.include(unsigned);

        assertThat(mvc.get().uri("/api/statements/clean-air").param("minPosition", unsigned.encode()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-min-position"));
    }

    @Test
    void theListTakesAMinPositionToo() {
        assertThat(mvc.get().uri("/api/statements").param("minPosition", "garbage"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-min-position"));
    }

    @Test
    void aWrongKeyIsRefusedEvenOnThisPublicRead() {
        assertThat(mvc.get().uri("/api/statements").header(HttpHeaders.AUTHORIZATION, bearer("guess")))
                .hasStatus(401)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-credentials"));
    }

    @Test
    void anAuthorizationHeaderThatIsNotABearerKeyIsRefused() {
        assertThat(mvc.get().uri("/api/statements").header(HttpHeaders.AUTHORIZATION, "Basic Zm9vOmJhcg=="))
                .hasStatus(401)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-credentials"));
    }

    @Test
    void anAnswerToAKeyHolderIsNeverStored() {
        assertThat(mvc.get()
                        .uri("/api/statements")
                        .header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatusOk()
                .hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void aStatementWithAGoalAndAClosingTimeShowsItsProgressAndTimeLeft() {
        statement.targetsSet(4, NOW.plusSeconds(3600), 2);
        statement.endorsementAdded(PUBLISHED.plusSeconds(120), 8);
        statement.endorsementAdded(PUBLISHED.plusSeconds(180), 9);
        statement.endorsementInvalidated(10);

        assertThat(mvc.get().uri("/api/statements/clean-air"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"endorsementCount": 2, "invalidated": 1,
                         "progress": {"signatureGoal": 4, "endorsementCount": 2, "percent": 50, "goalReached": false,
                                      "closesAt": "2026-11-15T13:00:00Z", "secondsLeft": 3600}}""");
    }

    @Test
    void aStatementClosedByItsDeadlineSaysSoAndHasNoTimeLeft() {
        statement.targetsSet(null, NOW.minusSeconds(60), 2);
        statement.closed(NOW.minusSeconds(59), "deadline", 3);

        assertThat(mvc.get().uri("/api/statements/clean-air"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"status": "closed", "closedBy": "deadline", "progress": {"goalReached": false, "secondsLeft": 0}}""");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        assertThat(mvc.get().uri("/api/statements/clean-air"))
                .hasStatusOk()
                .hasHeader("Content-Security-Policy", "default-src 'self'")
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("Referrer-Policy", "no-referrer");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/api/statements, 200", "/api/statements/no-such-statement, 404"})
    void theListAndAProblemCarryTheSecurityHeadersToo(String path, int status) {
        assertThat(mvc.get().uri(path))
                .hasStatus(status)
                .hasHeader("Content-Security-Policy", "default-src 'self'")
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("Referrer-Policy", "no-referrer");
    }

    @Test
    void aFailingQueryIsAnInternalErrorProblemThatTellsNothingOfTheFailure() {
        when(statements.find("clean-air")).thenThrow(new IllegalStateException("secret connection string"));

        assertThat(mvc.get().uri("/api/statements/clean-air"))
                .hasStatus(500)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyText()
                .contains(problem("internal-error"))
                .doesNotContain("secret");
    }

    @Test
    void statementsCannotBeWrittenHereEvenByTheAdmin() {
        assertThat(mvc.post().uri("/api/statements").header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.ADMIN_KEY)))
                .hasStatus(405)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("method-not-allowed"));
    }

    @Test
    void aWriteWithoutAKeyIsAskedForOne() {
        assertThat(mvc.post().uri("/api/statements"))
                .hasStatus(401)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("authentication-required"));
    }
}
