package org.endorsements.query.statement.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.endorsements.query.projection.consistency.ConsistencyGate;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.HiddenSignatories;
import org.endorsements.query.statement.Progress;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statements with their counts. The counts include every signatory; {@code countedButHidden} says how many of the
 * current ones the public does not see named; {@code invalidated} how many an admin invalidated (not counted);
 * {@code progress} the goal and the closing time.
 */
@RestController
@RequestMapping("/api/statements")
class StatementController {

    private final StatementQueries statements;
    private final ConsistencyGate consistency;
    private final HiddenSignatories hidden;
    private final Clock clock;

    StatementController(
            StatementQueries statements, ConsistencyGate consistency, HiddenSignatories hidden, Clock clock) {
        this.statements = statements;
        this.clock = clock;
        this.hidden = hidden;
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
            Instant lastEndorsementAt,
            long countedButHidden,
            long invalidated,
            String closedBy,
            Progress progress) {

        static StatementSummary of(StatementView v, long countedButHidden, Instant now) {
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
                    v.getLastEndorsementAt(),
                    countedButHidden,
                    v.getInvalidated(),
                    v.getClosedBy(),
                    Progress.of(v, now));
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
            Instant lastEndorsementAt,
            long countedButHidden,
            long invalidated,
            String closedBy,
            Progress progress) {

        static StatementDetails of(StatementView v, long countedButHidden, Instant now) {
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
                    v.getLastEndorsementAt(),
                    countedButHidden,
                    v.getInvalidated(),
                    v.getClosedBy(),
                    Progress.of(v, now));
        }
    }

    @GetMapping
    CompletableFuture<List<StatementSummary>> list(@RequestParam(required = false) String minPosition) {
        return consistency.read(
                minPosition,
                () -> statements.all().stream()
                        .map(v -> StatementSummary.of(v, hidden.countedButHidden(v.getId()), clock.instant()))
                        .toList());
    }

    @GetMapping("/{statementId}")
    CompletableFuture<StatementDetails> get(
            @PathVariable String statementId, @RequestParam(required = false) String minPosition) {
        return consistency.read(
                minPosition,
                () -> statements
                        .find(statementId)
                        .map(v -> StatementDetails.of(v, hidden.countedButHidden(v.getId()), clock.instant()))
                        .orElseThrow(() -> ProblemException.notFound("statement")));
    }
}
