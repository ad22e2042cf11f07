package org.endorsements.query.reconciliation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.SignatoryHistory;
import org.endorsements.query.statement.StatementView;

/**
 * Recounts every statement and endorsement from the audit trail (one immutable entry per event) and compares the
 * result with the views. Any difference is drift: a view that no longer says what the history says.
 */
public final class Reconciliation {

    public record Drift(String statementId, String organizationId, String field, String inView, String inAuditTrail) {}

    /**
     * @param unconfirmedPartitions the topic partitions projected by other query-service instances that did not
     *                              come to rest for the re-check: drift in their statements may be events in flight
     */
    public record Report(
            Instant checkedAt,
            long statementsChecked,
            long endorsementsChecked,
            List<Drift> drift,
            List<Integer> unconfirmedPartitions) {

        public Report(Instant checkedAt, long statementsChecked, long endorsementsChecked, List<Drift> drift) {
            this(checkedAt, statementsChecked, endorsementsChecked, drift, List.of());
        }

        public long statementsWithDrift() {
            return drift.stream().map(Drift::statementId).distinct().count();
        }
    }

    private static final class Recount {
        final int index;
        long current;
        long added;
        long withdrawn;
        long invalidated;
        long reinstated;

        Recount(int index) {
            this.index = index;
        }
    }

    /** A statement with no endorsement event in the audit trail (never added to the recount). */
    private static final Recount NONE = new Recount(-1);

    private final Map<String, Recount> statements = new HashMap<>();
    /** The same recounts by index, the index being what {@link LastEvents} keeps of an endorsement's statement. */
    private final List<Recount> byIndex = new ArrayList<>();

    private final LastEvents endorsements = new LastEvents();
    private final Set<String> differingEndorsements = new HashSet<>();

    /** Feed every audit entry, in any order. */
    public void audit(AuditEntry entry) {
        if (!SignatoryHistory.isEndorsementChange(entry.type())) {
            return;
        }
        boolean added = SignatoryHistory.counts(entry.type());
        Recount recount = statements.computeIfAbsent(entry.statementId(), k -> {
            Recount fresh = new Recount(byIndex.size());
            byIndex.add(fresh);
            return fresh;
        });
        switch (entry.type()) {
            case SignatoryHistory.ADDED -> recount.added++;
            case SignatoryHistory.WITHDRAWN -> recount.withdrawn++;
            case SignatoryHistory.INVALIDATED -> recount.invalidated++;
            default -> recount.reinstated++;
        }
        endorsements.offer(entry.aggregateId(), entry.sequence(), recount.index, added);
    }

    /** Compares the views with what was fed; call after every audit entry was fed. */
    public Report compare(
            Iterable<StatementView> statementViews, Iterable<EndorsementView> endorsementViews, Instant now) {
        endorsements.forEach(last -> {
            if (last.endorsed()) {
                byIndex.get(last.statement()).current++;
            }
        });
        List<Drift> drift = new ArrayList<>();
        long statementCount = 0;
        for (StatementView view : statementViews) {
            statementCount++;
            Recount recount = statements.getOrDefault(view.getId(), NONE);
            check(drift, view.getId(), null, "endorsementCount", view.getCurrentCount(), recount.current);
            check(drift, view.getId(), null, "totalEndorsementsAdded", view.getTotalAdded(), recount.added);
            check(drift, view.getId(), null, "withdrawals", view.getWithdrawn(), recount.withdrawn);
            check(
                    drift,
                    view.getId(),
                    null,
                    "invalidated",
                    view.getInvalidated(),
                    recount.invalidated - recount.reinstated);
        }
        long endorsementCount = 0;
        for (EndorsementView view : endorsementViews) {
            endorsementCount++;
            LastEvents.Last last = endorsements.get(view.getId());
            boolean expected = last != null && last.endorsed();
            if (view.isEndorsed() != expected) {
                differingEndorsements.add(view.getId());
                drift.add(new Drift(
                        view.getStatementId(),
                        view.getOrganizationId(),
                        "endorsed",
                        Boolean.toString(view.isEndorsed()),
                        Boolean.toString(expected)));
            }
        }
        return new Report(now, statementCount, endorsementCount, List.copyOf(drift));
    }

    /** The ids of the endorsement views that differed in the last {@link #compare}. */
    public Set<String> differingEndorsements() {
        return Set.copyOf(differingEndorsements);
    }

    private static void check(
            List<Drift> drift, String statementId, String organizationId, String field, long inView, long recounted) {
        if (inView != recounted) {
            drift.add(new Drift(statementId, organizationId, field, Long.toString(inView), Long.toString(recounted)));
        }
    }
}
