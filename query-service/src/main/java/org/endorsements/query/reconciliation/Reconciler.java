package org.endorsements.query.reconciliation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.audit.AuditTrail;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.Endorsements;
import org.endorsements.query.projection.LiveProjection;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.Statements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reconciliation over the live views: on demand and on a schedule. Publishes the number of statements
 * with drift as {@code endorsements_reconciliation_drift}.
 */
@Component
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final AuditTrail audit;
    private final Endorsements endorsements;
    private final Statements statements;
    private final LiveProjection live;
    private final ReconciliationProperties properties;
    private final Clock clock;
    private final AtomicLong drifting = new AtomicLong();

    public Reconciler(
            AuditTrail audit,
            Endorsements endorsements,
            Statements statements,
            LiveProjection live,
            ReconciliationProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.audit = audit;
        this.endorsements = endorsements;
        this.statements = statements;
        this.live = live;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("endorsements.reconciliation.drift", drifting, AtomicLong::get)
                .description("Statements whose views disagree with the audit trail at the last reconciliation")
                .register(meters);
    }

    /**
     * Recounts and compares while the projection goes on; the statements that disagree are checked again with the
     * projection paused, and only what that re-check finds is reported. The audit trail is read before the views,
     * with batches being written in between, so under load the first pass always finds differences that are only
     * time. Re-checking only those statements keeps the pause short where there are many.
     */
    public synchronized Reconciliation.Report run() {
        Pass first = check(audit::all, endorsements::views, statements::views);
        Reconciliation.Report report = first.report();
        if (!report.drift().isEmpty()) {
            List<String> statementIds = report.drift().stream()
                    .map(Reconciliation.Drift::statementId)
                    .filter(Objects::nonNull)
                    .distinct()
                    .toList();
            // Endorsements by their own id as well: one whose view names no statement, or another one than its
            // audit entries, must still be recounted from those entries.
            List<String> endorsementIds = List.copyOf(first.differingEndorsements());
            long started = System.nanoTime();
            // Every instance's projection, not only this one's: the others write their partitions' batches too.
            LiveProjection.Paused<Reconciliation.Report> paused = live.whileEveryInstancePaused(
                    properties.confirmationTimeout(),
                    () -> check(
                                    () -> audit.ofStatementsOrAggregates(statementIds, endorsementIds),
                                    () -> endorsements.views(statementIds, endorsementIds),
                                    () -> statements.views(statementIds))
                            .report());
            Optional<Reconciliation.Report> confirmed = paused.result();
            List<Integer> unconfirmed =
                    paused.unconfirmedPartitions().stream().sorted().toList();
            if (!unconfirmed.isEmpty()) {
                log.warn(
                        "Partitions {} are projected by instances that did not come to rest within {}: drift in "
                                + "their statements is not confirmed",
                        unconfirmed,
                        properties.confirmationTimeout());
            }
            if (confirmed.isPresent()) {
                // How long the projection stood still, its wait to come to rest included: worth watching.
                log.info(
                        "{} statement(s) differed while the projection was writing; re-checked at rest, the "
                                + "projection held {} ms",
                        statementIds.size(),
                        (System.nanoTime() - started) / 1_000_000);
                report = new Reconciliation.Report(
                        report.checkedAt(),
                        report.statementsChecked(),
                        report.endorsementsChecked(),
                        confirmed.get().drift(),
                        unconfirmed);
            } else {
                log.warn(
                        "The live projection did not come to rest within {}: the differences below are not "
                                + "confirmed (they may be events written between two reads)",
                        properties.confirmationTimeout());
            }
        }
        drifting.set(report.statementsWithDrift());
        if (!report.drift().isEmpty()) {
            log.error(
                    "Reconciliation found drift in {} statement(s): {}", report.statementsWithDrift(), report.drift());
        }
        return report;
    }

    private record Pass(Reconciliation.Report report, Set<String> differingEndorsements) {}

    /** Compares what the three selections hold: audit entries, endorsement views and statement views. */
    private Pass check(
            Supplier<Stream<AuditEntry>> auditEntries,
            Supplier<Stream<EndorsementView>> endorsementViews,
            Supplier<List<StatementView>> statementViews) {
        Reconciliation reconciliation = new Reconciliation();
        try (Stream<AuditEntry> entries = auditEntries.get()) {
            entries.forEach(reconciliation::audit);
        }
        // The endorsement views are compared as they stream in, never held all at once: a list of every view next to
        // the recount does not fit the service's heap once a statement has hundreds of thousands of signatures.
        try (Stream<EndorsementView> views = endorsementViews.get()) {
            Reconciliation.Report report =
                    reconciliation.compare(statementViews.get(), views::iterator, clock.instant());
            return new Pass(report, reconciliation.differingEndorsements());
        }
    }

    @Scheduled(
            initialDelayString = "${endorsements.reconciliation.interval:PT5M}",
            fixedDelayString = "${endorsements.reconciliation.interval:PT5M}")
    void scheduled() {
        run();
    }
}
