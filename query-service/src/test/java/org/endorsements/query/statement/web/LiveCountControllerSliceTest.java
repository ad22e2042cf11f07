package org.endorsements.query.statement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@WebMvcTest(controllers = LiveCountController.class)
@QueryWebSlice
class LiveCountControllerSliceTest {

    private static final String LIVE = "/api/statements/clean-air/live";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    StatementQueries statements;

    @MockitoBean
    LiveStreams streams;

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

    @Test
    void aStreamIsOpenedForTheStatementAndTheClientsAddressAsServerSentEvents() throws Exception {
        SseEmitter emitter = new SseEmitter();
        emitter.send(SseEmitter.event().name("counts").data("{}"));
        emitter.complete();
        when(streams.open(statement, "127.0.0.1")).thenReturn(emitter);

        assertThat(mvc.get().uri(LIVE).accept(MediaType.TEXT_EVENT_STREAM))
                .hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .bodyText()
                .contains("event:counts");
        verify(streams).open(statement, "127.0.0.1");
    }

    @Test
    void aStreamOfAnUnknownStatementIsANotFoundProblemAndOpensNothing() {
        assertThat(mvc.get().uri("/api/statements/no-such-statement/live").accept(MediaType.TEXT_EVENT_STREAM))
                .hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-found"));
        verifyNoInteractions(streams);
    }

    @Test
    void aStreamRefusedForItsAddressIsThatProblemWithRetryAfter() {
        when(streams.open(any(), anyString()))
                .thenThrow(new ProblemException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-streams-from-address",
                        "Too many streams from this address.",
                        5L));

        assertThat(mvc.get().uri(LIVE).accept(MediaType.TEXT_EVENT_STREAM))
                .hasStatus(429)
                .hasHeader(HttpHeaders.RETRY_AFTER, "5")
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("too-many-streams-from-address"));
    }
}
