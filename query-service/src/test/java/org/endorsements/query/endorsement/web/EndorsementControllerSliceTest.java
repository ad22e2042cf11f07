package org.endorsements.query.endorsement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.bearer;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.endorsements.events.EndorsementId;
import org.endorsements.query.endorsement.Audience;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.SignatoryAt;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.Statements;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = EndorsementController.class)
@QueryWebSlice
class EndorsementControllerSliceTest {

    private static final String LIST = "/api/statements/clean-air/endorsements";
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    EndorsementQueries endorsements;

    @MockitoBean
    Statements statements;

    @MockitoBean
    InForceAt inForceAt;

    private final StatementView statement = StatementView.placeholder("clean-air");

    @BeforeEach
    void aPublishedStatement() {
        statement.published(
                "Clean air",
                "We ask for clean air.",
                "en",
                "sha256:abc",
                null,
                null,
                Instant.parse("2026-03-01T09:00:00Z"),
                1);
        when(statements.find("clean-air")).thenReturn(Optional.of(statement));
    }

    private static EndorsementView signatory(String organization, String name) {
        EndorsementView view = EndorsementView.empty(EndorsementId.of("clean-air", organization));
        view.added(
                name,
                Instant.parse("2026-03-01T10:00:00Z"),
                "web",
                3,
                "credential:c1",
                "sha256:abc",
                "opening-of-" + organization,
                1,
                false);
        return view;
    }

    @Test
    void theCurrentSignatoriesArePagedWithWhatLetsAnyoneCheckThemAgainstTheLog() {
        when(endorsements.currentSignatories("clean-air", null, 0, 100, Audience.PUBLIC))
                .thenReturn(List.of(signatory("acme", "Acme")));
        when(endorsements.countCurrent("clean-air", null, Audience.PUBLIC)).thenReturn(1L);
        when(endorsements.countCountedButHidden("clean-air", Audience.PUBLIC)).thenReturn(2L);

        assertThat(mvc.get().uri(LIST))
                .hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"items": [{"organizationId": "acme", "name": "Acme", "endorsedAt": "2026-03-01T10:00:00Z",
                                    "source": "web", "contentHash": "sha256:abc",
                                    "signerOpening": "opening-of-acme", "visibility": "public"}],
                         "page": 0, "size": 100, "totalItems": 1, "totalPages": 1, "countedButHidden": 2}""")
                .doesNotHavePath("$.asOf")
                .doesNotHavePath("$.withheld");
    }

    @Test
    void aSearchAndAPageAreHandedToTheQuery() {
        when(endorsements.currentSignatories("clean-air", "acme", 2, 10, Audience.PUBLIC))
                .thenReturn(List.of());
        when(endorsements.countCurrent("clean-air", "acme", Audience.PUBLIC)).thenReturn(21L);

        assertThat(mvc.get().uri(LIST).param("q", "acme").param("page", "2").param("size", "10"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"items": [], "page": 2, "size": 10, "totalItems": 21, "totalPages": 3}""");
    }

    @Test
    void theSignatoriesOfAnUnknownStatementAreANotFoundProblem() {
        assertThat(mvc.get().uri("/api/statements/no-such-statement/endorsements"))
                .hasStatus(404)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-found"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"page=-1", "size=0", "size=501", "page=2000000000&size=500"})
    void aPageOutsideTheLimitsIsABadRequestProblem(String paging) {
        assertThat(mvc.get().uri(LIST + "?" + paging))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-page"));
        verifyNoInteractions(endorsements);
    }

    @Test
    void aPageThatIsNotANumberIsABadRequestProblemNamingIt() {
        assertThat(mvc.get().uri(LIST).param("page", "abc"))
                .hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo(problem("invalid-parameter"));
                    assertThat(json).extractingPath("$.parameter").isEqualTo("page");
                });
    }

    @ParameterizedTest(name = "asOf={0}")
    @ValueSource(strings = {"garbage", "2026-13-01T00:00:00Z", "2026-11-01", "+10000-01-01T00:00:00Z"})
    void anAsOfThatIsNoInstantWithinFourDigitYearsIsABadRequestProblem(String asOf) {
        assertThat(mvc.get().uri(LIST).param("asOf", asOf))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-as-of"));
    }

    @ParameterizedTest(name = "q={0}")
    @ValueSource(strings = {"a\u0000b", "a\u202Eb", "a\u200Bb", "\uD800"})
    void aSearchWithControlOrFormattingCharactersIsABadRequestProblem(String q) {
        assertThat(mvc.get().uri(LIST).param("q", q))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-search"));
    }

    /** The query strings as a client sends them, percent-encoded; the detail names what to correct. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "asOf=%2B1000000000-01-01T00:00:00Z|asOf",
                "asOf=-1000000000-01-01T00:00:00Z|asOf",
                "asOf=%2B10000-01-01T00:00:00Z|asOf",
                "q=a%00b|q",
                "q=%01|q",
                "q=a%0Ab|q",
                "q=a%7Fb|q",
                "page=-1|page",
                "size=0|size",
                "size=-5|size",
                "size=100000|size",
                "page=abc|page",
                "page=99999999999|page",
                "size=2147483648|size",
                "page=2000000000&size=500|page"
            })
    void aMalformedQueryParameterIsABadRequestProblemWhoseDetailNamesIt(String query, String parameter) {
        assertThat(mvc.get().uri(URI.create(LIST + "?" + query)))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").asString().startsWith(problem(""));
                    assertThat(json).extractingPath("$.detail").asString().contains(parameter);
                });
    }

    @Test
    void aSearchLongerThanANameCanBeIsABadRequestProblem() {
        assertThat(mvc.get().uri(LIST).param("q", "q".repeat(101)))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-search"));
    }

    @Test
    void aMinPositionThatIsNoTokenIsABadRequestProblem() {
        assertThat(mvc.get().uri(LIST).param("minPosition", "garbage"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-min-position"));
    }

    @Test
    void thePublicAskedWhoWasInForceThenIsToldHowManyHaveWithdrawnSinceButNotWho() {
        when(inForceAt.get(statement, AT, false))
                .thenReturn(new EndorsementQueries.SignatoriesAt(
                        List.of(new SignatoryAt(
                                "acme",
                                "Acme",
                                AT.minusSeconds(60),
                                "web",
                                3,
                                "sha256:abc",
                                "o",
                                null,
                                "organization-credential",
                                null)),
                        2));

        assertThat(mvc.get().uri(LIST).param("asOf", AT.toString()))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"items": [{"organizationId": "acme"}], "totalItems": 1, "totalPages": 1,
                         "asOf": "2026-03-02T10:00:00Z", "withheld": 2}""");
    }

    @Test
    void aPastListShowsWhatVouchedForEachSignatureThenAndItsKey() {
        when(inForceAt.get(statement, AT, false))
                .thenReturn(new EndorsementQueries.SignatoriesAt(
                        List.of(new SignatoryAt(
                                "acme", "Acme", AT, "api", null, "sha256:abc", "o", null, "organization-key", "k1")),
                        0));

        assertThat(mvc.get().uri(LIST).param("asOf", AT.toString()))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"items": [{"organizationId": "acme", "assurance": "organization-key",
                                    "signingKeyId": "k1"}]}""");
    }

    @Test
    void aListAsOfAnInstantSaysTheVersionInForceThenAndWhichVersionEachSigned() {
        statement.amended(2, "Clean air", "We ask for cleaner air.", "en", "sha256:v2", AT.plusSeconds(60), 2);
        when(inForceAt.get(statement, AT, false))
                .thenReturn(new EndorsementQueries.SignatoriesAt(
                        List.of(new SignatoryAt(
                                "acme",
                                "Acme",
                                AT.minusSeconds(60),
                                "web",
                                3,
                                "sha256:abc",
                                "o",
                                "sha256:es",
                                "organization-credential",
                                null)),
                        0));

        assertThat(mvc.get().uri(LIST).param("asOf", AT.toString()))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"version": 1, "versionContentHash": "sha256:abc",
                         "items": [{"organizationId": "acme", "contentHash": "sha256:abc", "version": 1,
                                    "readContentHash": "sha256:es"}]}""");
    }

    @Test
    void aCurrentSignatoryOfAnEarlierVersionIsShownWithTheVersionItSigned() {
        statement.amended(2, "Clean air", "We ask for cleaner air.", "en", "sha256:v2", AT, 2);
        when(endorsements.currentSignatories("clean-air", null, 0, 100, Audience.PUBLIC))
                .thenReturn(List.of(signatory("acme", "Acme")));

        assertThat(mvc.get().uri(LIST)).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                        {"version": 2, "versionContentHash": "sha256:v2",
                         "items": [{"organizationId": "acme", "contentHash": "sha256:abc", "version": 1,
                                    "readContentHash": "sha256:abc"}]}""");
    }

    @Test
    void anAuditorAskedWhoWasInForceThenIsShownEveryone() {
        when(inForceAt.get(eq(statement), eq(AT), anyBoolean()))
                .thenReturn(new EndorsementQueries.SignatoriesAt(List.of(), 0));

        assertThat(mvc.get()
                        .uri(LIST)
                        .param("asOf", AT.toString())
                        .header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.AUDITOR_KEY)))
                .hasStatusOk();
        verify(inForceAt).get(statement, AT, true);
    }

    @Test
    void anOrganizationAskedWhoWasInForceThenSeesWhatThePublicSees() {
        when(inForceAt.get(eq(statement), eq(AT), anyBoolean()))
                .thenReturn(new EndorsementQueries.SignatoriesAt(List.of(), 0));

        assertThat(mvc.get()
                        .uri(LIST)
                        .param("asOf", AT.toString())
                        .header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatusOk();
        verify(inForceAt).get(statement, AT, false);
    }

    @Test
    void aPageOfWhoWasInForceIsCutFromTheirList() {
        List<SignatoryAt> three = List.of("a", "b", "c").stream()
                .map(id -> new SignatoryAt(id, id, AT, "web", null, "sha256:abc", "o", null, "imported", null))
                .toList();
        when(inForceAt.get(statement, AT, false)).thenReturn(new EndorsementQueries.SignatoriesAt(three, 0));

        assertThat(mvc.get()
                        .uri(LIST)
                        .param("asOf", AT.toString())
                        .param("page", "1")
                        .param("size", "2"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"items": [{"organizationId": "c"}], "page": 1, "size": 2, "totalItems": 3,
                         "totalPages": 2}""");
    }

    @Test
    void whoWasInForceAtAnInstantIsNeverAskedOfTheCurrentList() {
        when(inForceAt.get(any(), any(), anyBoolean())).thenReturn(new EndorsementQueries.SignatoriesAt(List.of(), 0));

        assertThat(mvc.get().uri(LIST).param("asOf", AT.toString())).hasStatusOk();
        verify(endorsements, org.mockito.Mockito.never()).currentSignatories(any(), any(), anyInt(), anyInt(), any());
    }

    @Test
    void anAuditorIsShownEveryCurrentSignatoryNamed() {
        when(endorsements.currentSignatories("clean-air", null, 0, 100, Audience.AUDITOR))
                .thenReturn(List.of(signatory("acme", "Acme")));

        assertThat(mvc.get().uri(LIST).header("Authorization", "Bearer " + QueryWebSlice.AUDITOR_KEY))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].name")
                .isEqualTo("Acme");
    }

    @Test
    void thePublicListCarriesNoLettersEntryNumberWhoseGapsWouldPointAtWhomItLeavesOut() {
        when(endorsements.currentSignatories("clean-air", null, 0, 100, Audience.PUBLIC))
                .thenReturn(List.of(signatory("acme", "Acme")));

        assertThat(mvc.get().uri(LIST)).hasStatusOk().bodyJson().doesNotHavePath("$.items[0].entryNumber");
    }

    @Test
    void anOrganizationsListCarriesNoLettersEntryNumberEither() {
        when(endorsements.currentSignatories(
                        "clean-air", null, 0, 100, new Audience(false, QueryWebSlice.ORGANIZATION)))
                .thenReturn(List.of(signatory("acme", "Acme")));

        assertThat(mvc.get().uri(LIST).header("Authorization", bearer(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatusOk()
                .bodyJson()
                .doesNotHavePath("$.items[0].entryNumber");
    }

    @Test
    void anAuditorSeesTheLettersOwnEntryNumbers() {
        when(endorsements.currentSignatories("clean-air", null, 0, 100, Audience.AUDITOR))
                .thenReturn(List.of(signatory("acme", "Acme")));

        assertThat(mvc.get().uri(LIST).header("Authorization", bearer(QueryWebSlice.AUDITOR_KEY)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].entryNumber")
                .isEqualTo(3);
    }

    @Test
    void aPastPublicListCarriesNoLettersEntryNumberButAnAuditorsDoes() {
        when(inForceAt.get(eq(statement), eq(AT), anyBoolean()))
                .thenReturn(new EndorsementQueries.SignatoriesAt(
                        List.of(new SignatoryAt(
                                "acme",
                                "Acme",
                                AT.minusSeconds(60),
                                "imported",
                                3,
                                "sha256:abc",
                                "o",
                                null,
                                "imported",
                                null)),
                        0));

        assertThat(mvc.get().uri(LIST).param("asOf", AT.toString()))
                .hasStatusOk()
                .bodyJson()
                .doesNotHavePath("$.items[0].entryNumber");
        assertThat(mvc.get()
                        .uri(LIST)
                        .param("asOf", AT.toString())
                        .header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.AUDITOR_KEY)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].entryNumber")
                .isEqualTo(3);
    }

    @Test
    void aPastListSaysHowManyAreCountedButNotNamed() {
        when(inForceAt.get(any(), any(), anyBoolean()))
                .thenReturn(new EndorsementQueries.SignatoriesAt(List.of(), 1, 4));

        assertThat(mvc.get().uri(LIST).param("asOf", AT.toString()))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"items": [], "withheld": 1, "countedButHidden": 4}""");
    }
}
