package org.endorsements.query.statement.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.endorsements.query.projection.StatementsChanged;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events with a statement's counts: one on connect, then one whenever the projection changes the
 * statement's view (no polling). Browsers reconnect by themselves when a stream ends.
 */
@RestController
class LiveCountController {

    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    static final String EVENT_NAME = "counts";

    private final StatementQueries statements;
    private final Map<String, List<SseEmitter>> listeners = new ConcurrentHashMap<>();

    LiveCountController(StatementQueries statements) {
        this.statements = statements;
    }

    record Counts(String statementId, long endorsementCount, long totalEndorsementsAdded, long withdrawals,
            Instant lastEndorsementAt) {

        static Counts of(StatementView v) {
            return new Counts(v.getId(), v.getCurrentCount(), v.getTotalAdded(), v.getWithdrawn(),
                    v.getLastEndorsementAt());
        }
    }

    @GetMapping(path = "/api/statements/{statementId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable String statementId) throws IOException {
        StatementView statement = statements.find(statementId)
                .orElseThrow(() -> ProblemException.notFound("statement"));
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        List<SseEmitter> forStatement = listeners.computeIfAbsent(statementId, k -> new CopyOnWriteArrayList<>());
        forStatement.add(emitter);
        Runnable remove = () -> forStatement.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        emitter.send(SseEmitter.event().name(EVENT_NAME).data(Counts.of(statement), MediaType.APPLICATION_JSON));
        return emitter;
    }

    @EventListener
    void onChange(StatementsChanged changed) {
        for (String statementId : changed.statementIds()) {
            List<SseEmitter> emitters = listeners.get(statementId);
            if (emitters == null || emitters.isEmpty()) {
                continue;
            }
            statements.find(statementId).map(Counts::of).ifPresent(counts -> emitters.forEach(emitter -> {
                try {
                    emitter.send(SseEmitter.event().name(EVENT_NAME).data(counts, MediaType.APPLICATION_JSON));
                } catch (IOException | IllegalStateException gone) {
                    emitters.remove(emitter);
                }
            }));
        }
    }

    /** A comment line now and then keeps idle streams open through proxies. */
    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        listeners.values().forEach(emitters -> emitters.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                emitters.remove(emitter);
            }
        }));
    }
}
