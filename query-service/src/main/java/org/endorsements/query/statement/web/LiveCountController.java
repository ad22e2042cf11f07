package org.endorsements.query.statement.web;

import jakarta.servlet.http.HttpServletRequest;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events with a statement's counts: one on connect, then one whenever the projection changes the
 * statement's view (no polling), written by {@link LiveStreams} so that a client that stops reading holds back
 * nobody. Browsers reconnect by themselves when a stream ends.
 */
@RestController
class LiveCountController {

    private final StatementQueries statements;
    private final LiveStreams streams;

    LiveCountController(StatementQueries statements, LiveStreams streams) {
        this.statements = statements;
        this.streams = streams;
    }

    @GetMapping(path = "/api/statements/{statementId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable String statementId, HttpServletRequest request) {
        StatementView statement =
                statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
        return streams.open(statement, request.getRemoteAddr());
    }
}
