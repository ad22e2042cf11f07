package org.endorsements.query.projection.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.bearer;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import org.endorsements.query.projection.messaging.Replay;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = ReplayController.class)
@QueryWebSlice
class ReplayControllerSliceTest {

    private static final String REPLAY = "/api/admin/replay";
    private static final String ADMIN = bearer(QueryWebSlice.ADMIN_KEY);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Replay replay;

    private static Replay.Progress running() {
        return new Replay.Progress(
                Replay.State.RUNNING, 2, 10, 100, 50.0, 2L, Instant.parse("2026-03-01T10:00:00Z"), null, null);
    }

    @Test
    void theAdminStartsAReplayAndIsToldItsProgressWith202() {
        when(replay.start()).thenReturn(true);
        when(replay.progress()).thenReturn(running());

        assertThat(mvc.post().uri(REPLAY).header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatus(202)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"state": "RUNNING", "generation": 2, "done": 10, "total": 100, "eventsPerSecond": 50.0,
                         "secondsLeft": 2, "startedAt": "2026-03-01T10:00:00Z"}""");
    }

    @Test
    void aReplayAskedWhileTheViewStoreCannotBeReachedIsA503Problem() {
        when(replay.start()).thenThrow(new DataAccessResourceFailureException("connection refused"));

        assertThat(mvc.post().uri(REPLAY).header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatus(503)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("view-store-unavailable"));
    }

    @Test
    void aSecondReplayWhileOneRunsIsAConflictProblem() {
        when(replay.start()).thenReturn(false);

        assertThat(mvc.post().uri(REPLAY).header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("replay-running"));
    }

    @Test
    void theAdminFollowsTheProgressOfAReplay() {
        when(replay.progress()).thenReturn(running());

        assertThat(mvc.get().uri(REPLAY).header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.done")
                .isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "GET"})
    void anAuditorIsForbiddenTheReplay(String method) {
        assertThat(mvc.method(HttpMethod.valueOf(method))
                        .uri(REPLAY)
                        .header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.AUDITOR_KEY)))
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("forbidden"));
        verifyNoInteractions(replay);
    }

    @Test
    void anOrganizationIsForbiddenToStartAReplay() {
        assertThat(mvc.post().uri(REPLAY).header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatus(403);
        verifyNoInteractions(replay);
    }

    @Test
    void theAnonymousAreAskedForAKeyAndNoReplayStarts() {
        assertThat(mvc.post().uri(REPLAY))
                .hasStatus(401)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("authentication-required"));
        verifyNoInteractions(replay);
    }
}
