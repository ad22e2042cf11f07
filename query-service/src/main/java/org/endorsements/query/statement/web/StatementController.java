package org.endorsements.query.statement.web;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.endorsements.query.projection.consistency.ConsistencyGate;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statements")
class StatementController {

    private final StatementQueries statements;
    private final ConsistencyGate consistency;

    StatementController(StatementQueries statements, ConsistencyGate consistency) {
        this.statements = statements;
        this.consistency = consistency;
    }

    record StatementSummary(
            String statementId,
            String title,
            String language,
            String contentHash,
            String status,
            Instant publishedAt,
            Instant closedAt,
            long endorsementCount,
            long totalEndorsementsAdded,
            long withdrawals,
            Instant firstEndorsementAt,
            Instant lastEndorsementAt) {

        static StatementSummary of(StatementView v) {
            return new StatementSummary(
                    v.getId(),
                    v.getTitle(),
                    v.getLanguage(),
                    v.getContentHash(),
                    v.getStatus(),
                    v.getPublishedAt(),
                    v.getClosedAt(),
                    v.getCurrentCount(),
                    v.getTotalAdded(),
                    v.getWithdrawn(),
                    v.getFirstEndorsementAt(),
                    v.getLastEndorsementAt());
        }
    }

    record StatementDetails(
            String statementId,
            String title,
            String body,
            String language,
            String contentHash,
            String status,
            Instant publishedAt,
            Instant closedAt,
            long endorsementCount,
            long totalEndorsementsAdded,
            long withdrawals,
            Instant firstEndorsementAt,
            Instant lastEndorsementAt) {

        static StatementDetails of(StatementView v) {
            return new StatementDetails(
                    v.getId(),
                    v.getTitle(),
                    v.getBody(),
                    v.getLanguage(),
                    v.getContentHash(),
                    v.getStatus(),
                    v.getPublishedAt(),
                    v.getClosedAt(),
                    v.getCurrentCount(),
                    v.getTotalAdded(),
                    v.getWithdrawn(),
                    v.getFirstEndorsementAt(),
                    v.getLastEndorsementAt());
        }
    }

    @GetMapping
    CompletableFuture<List<StatementSummary>> list(@RequestParam(required = false) String minPosition) {
        return consistency.read(
                minPosition,
                () -> statements.all().stream().map(StatementSummary::of).toList());
    }

    @GetMapping("/{statementId}")
    CompletableFuture<StatementDetails> get(
            @PathVariable String statementId, @RequestParam(required = false) String minPosition) {
        return consistency.read(
                minPosition,
                () -> statements
                        .find(statementId)
                        .map(StatementDetails::of)
                        .orElseThrow(() -> ProblemException.notFound("statement")));
    }
}
