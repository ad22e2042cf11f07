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
import org.endorsements.query.statement.VersionCounts;
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
    private final VersionCounts versionCounts;
    private final Clock clock;

    StatementController(
            StatementQueries statements,
            ConsistencyGate consistency,
            HiddenSignatories hidden,
            VersionCounts versionCounts,
            Clock clock) {
        this.statements = statements;
        this.clock = clock;
        this.hidden = hidden;
        this.versionCounts = versionCounts;
        this.consistency = consistency;
    }

    record StatementSummary(
            String statementId,
            String title,
            String language,
            String contentHash,
            int version,
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
                    v.getVersion(),
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

    /**
     * One version of the text: its text of record, when it came into force, and how many current signatories
     * endorse it (those of an earlier version have not re-confirmed the one in force yet).
     */
    record VersionSummary(
            int version,
            String contentHash,
            String title,
            String language,
            Instant publishedAt,
            boolean inForce,
            long signatories) {}

    /** Another text of a version: a translation with its translator, or ({@code original}) its original. */
    record TextSummary(
            String contentHash,
            String versionContentHash,
            Integer version,
            String language,
            String title,
            String body,
            String translator,
            boolean original,
            Instant addedAt) {}

    /**
     * {@code title}, {@code body}, {@code language} and {@code contentHash} are the version in force's text of
     * record; {@code translator} and {@code originalLanguage} say that it is a translation (version 1 only).
     */
    record StatementDetails(
            String statementId,
            String title,
            String body,
            String language,
            String contentHash,
            int version,
            String translator,
            String originalLanguage,
            List<VersionSummary> versions,
            List<TextSummary> texts,
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

        static StatementDetails of(StatementView v, long countedButHidden, VersionCounts counts, Instant now) {
            // Never amended, every current signatory signed its one version: the count is the statement's own, and
            // the read (the dashboard's and every embedded counter's) scans no signatory.
            boolean oneVersion = v.getVersions().size() == 1;
            List<VersionSummary> versions = v.getVersions().stream()
                    .map(version -> new VersionSummary(
                            version.version(),
                            version.contentHash(),
                            version.title(),
                            version.language(),
                            version.publishedAt(),
                            version.version() == v.getVersion(),
                            oneVersion
                                    ? v.getCurrentCount()
                                    : counts.currentSignatoriesOf(v.getId(), version.contentHash())))
                    .toList();
            List<TextSummary> texts = v.getTexts().stream()
                    .map(t -> new TextSummary(
                            t.contentHash(),
                            t.versionContentHash(),
                            v.version(t.versionContentHash())
                                    .map(StatementView.Version::version)
                                    .orElse(null),
                            t.language(),
                            t.title(),
                            t.body(),
                            t.translator(),
                            t.original(),
                            t.addedAt()))
                    .toList();
            boolean firstVersion = v.getVersion() == 1;
            return new StatementDetails(
                    v.getId(),
                    v.getTitle(),
                    v.getBody(),
                    v.getLanguage(),
                    v.getContentHash(),
                    v.getVersion(),
                    firstVersion ? v.getTranslator() : null,
                    firstVersion ? v.getOriginalLanguage() : null,
                    versions,
                    texts,
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
                        .map(v -> StatementDetails.of(
                                v, hidden.countedButHidden(v.getId()), versionCounts, clock.instant()))
                        .orElseThrow(() -> ProblemException.notFound("statement")));
    }
}
