package org.endorsements.query.growth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.endorsements.query.growth.GrowthBucket;
import org.endorsements.query.growth.GrowthProperties;
import org.endorsements.query.growth.persistence.GrowthQueries;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.Statements;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = GrowthController.class)
@QueryWebSlice
@EnableConfigurationProperties(GrowthProperties.class)
class GrowthControllerSliceTest {

    private static final String GROWTH = "/api/statements/clean-air/growth";
    private static final Instant TEN = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2026-03-01T11:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    GrowthQueries growth;

    @MockitoBean
    Statements statements;

    @BeforeEach
    void twoSignaturesAtTenAndAWithdrawalAtEleven() {
        StatementView statement = StatementView.placeholder("clean-air");
        statement.published("Clean air", "We ask for clean air.", "en", "sha256:abc", null, null, TEN, 1);
        when(statements.find("clean-air")).thenReturn(Optional.of(statement));
        GrowthBucket ten = GrowthBucket.empty("clean-air", TEN);
        ten.added(TEN.plusSeconds(60), 1, 1);
        ten.added(TEN.plusSeconds(90), 2, 2);
        GrowthBucket eleven = GrowthBucket.empty("clean-air", ELEVEN);
        eleven.withdrawn(ELEVEN.plusSeconds(30), 1, 3);
        when(growth.hourly(eq("clean-air"), any(), any())).thenReturn(List.of(ten, eleven));
    }

    @Test
    void growthIsHourlyByDefaultOverTheWholeHistory() {
        assertThat(mvc.get().uri(GROWTH))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                {"statementId": "clean-air", "interval": "hour",
                 "points": [{"start": "2026-03-01T10:00:00Z", "added": 2, "withdrawn": 0, "invalidated": 0,
                             "reinstated": 0, "net": 2, "cumulative": 2},
                            {"start": "2026-03-01T11:00:00Z", "added": 0, "withdrawn": 1, "invalidated": 0,
                             "reinstated": 0, "net": -1, "cumulative": 1}]}""")
                .doesNotHavePath("$.from")
                .doesNotHavePath("$.to");
        verify(growth).hourly("clean-air", Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    void theCountsStepsAreTheLastChangeOfEachMinuteNotTheStartsOfTheHours() {
        assertThat(mvc.get().uri(GROWTH)).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"before": 0,
                 "steps": [{"at": "2026-03-01T10:01:30Z", "cumulative": 2},
                           {"at": "2026-03-01T11:00:30Z", "cumulative": 1}]}""");
    }

    @Test
    void aDailySeriesAddsUpTheHoursOfEachDayBetweenTheInstantsAskedFor() {
        assertThat(mvc.get()
                        .uri(GROWTH)
                        .param("interval", "day")
                        .param("from", "2026-03-01T00:00:00Z")
                        .param("to", "2026-03-02T00:00:00Z"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                {"interval": "day", "from": "2026-03-01T00:00:00Z", "to": "2026-03-02T00:00:00Z",
                 "points": [{"start": "2026-03-01T00:00:00Z", "added": 2, "withdrawn": 1, "cumulative": 1}]}""");
        verify(growth)
                .hourly("clean-air", Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "interval, fortnight, invalid-interval",
        "from, garbage, invalid-from",
        "to, 2026-13-01T00:00:00Z, invalid-to",
        "from, +1000000000-01-01T00:00:00Z, invalid-from"
    })
    void aParameterThatCannotBeReadIsABadRequestProblemOfItsOwnType(String name, String value, String type) {
        assertThat(mvc.get().uri(GROWTH).param(name, value))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem(type));
    }

    /** The query strings as a client sends them, percent-encoded; the detail names what to correct. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {"from=%2B1000000000-01-01T00:00:00Z|from", "to=%2B1000000000-01-01T00:00:00Z|to"})
    void aMalformedQueryParameterIsABadRequestProblemWhoseDetailNamesIt(String query, String parameter) {
        assertThat(mvc.get().uri(URI.create(GROWTH + "?" + query)))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.type").asString().startsWith(problem(""));
                    assertThat(json).extractingPath("$.detail").asString().contains(parameter);
                });
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsABadRequestProblem() {
        assertThat(mvc.get().uri(GROWTH).param("from", "2026-03-02T00:00:00Z").param("to", "2026-03-01T00:00:00Z"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-range"));
    }

    @Test
    void theGrowthOfAnUnknownStatementIsANotFoundProblem() {
        assertThat(mvc.get().uri("/api/statements/no-such-statement/growth"))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-found"));
    }

    @Test
    void aMinPositionThatIsNoTokenIsABadRequestProblem() {
        assertThat(mvc.get().uri(GROWTH).param("minPosition", "garbage"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-min-position"));
    }
}
