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

    public record Drift(String statementId, String organizationId, String field, String inView,
            String inAuditTrail) {
    }

    public record Report(Instant checkedAt, long statementsChecked, long endorsementsChecked, List<Drift> drift) {
        public long statementsWithDrift() {
            return drift.stream().map(Drift::statementId).distinct().count();
        }
    }

    private static final class Recount {
        long current;
        long added;
        long withdrawn;
    }

    private final Map<String, Recount> statements = new HashMap<>();
    private final List<String> statementIds = new ArrayList<>();
    private final Map<String, Integer> statementIndexes = new HashMap<>();
    private final LastEvents endorsements = new LastEvents();
    private final Set<String> differingEndorsements = new HashSet<>();

    /** Feed every audit entry, in any order. */
    public void audit(AuditEntry entry) {
        boolean added = SignatoryHistory.ADDED.equals(entry.type());
        if (!added && !SignatoryHistory.WITHDRAWN.equals(entry.type())) {
            return;
        }
        Recount recount = statements.computeIfAbsent(entry.statementId(), k -> new Recount());
        if (added) {
            recount.added++;
        } else {
            recount.withdrawn++;
        }
        int statement = statementIndexes.computeIfAbsent(entry.statementId(), id -> {
            statementIds.add(id);
            return statementIds.size() - 1;
        });
        endorsements.offer(entry.aggregateId(), entry.sequence(), statement, added);
    }

    /** Compares the views with what was fed; call after every audit entry was fed. */
    public Report compare(Iterable<StatementView> statementViews, Iterable<EndorsementView> endorsementViews,
            Instant now) {
        endorsements.forEach(last -> {
            if (last.endorsed()) {
                statements.get(statementIds.get(last.statement())).current++;
            }
        });
        List<Drift> drift = new ArrayList<>();
        long statementCount = 0;
        for (StatementView view : statementViews) {
            statementCount++;
            Recount recount = statements.getOrDefault(view.getId(), new Recount());
            check(drift, view.getId(), null, "endorsementCount", view.getCurrentCount(), recount.current);
            check(drift, view.getId(), null, "totalEndorsementsAdded", view.getTotalAdded(), recount.added);
            check(drift, view.getId(), null, "withdrawals", view.getWithdrawn(), recount.withdrawn);
        }
        long endorsementCount = 0;
        for (EndorsementView view : endorsementViews) {
            endorsementCount++;
            LastEvents.Last last = endorsements.get(view.getId());
            boolean expected = last != null && last.endorsed();
            if (view.isEndorsed() != expected) {
                differingEndorsements.add(view.getId());
                drift.add(new Drift(view.getStatementId(), view.getOrganizationId(), "endorsed",
                        Boolean.toString(view.isEndorsed()), Boolean.toString(expected)));
            }
        }
        return new Report(now, statementCount, endorsementCount, List.copyOf(drift));
    }

    /** The ids of the endorsement views that differed in the last {@link #compare}. */
    public Set<String> differingEndorsements() {
        return Set.copyOf(differingEndorsements);
    }

    private static void check(List<Drift> drift, String statementId, String organizationId, String field,
            long inView, long recounted) {
        if (inView != recounted) {
            drift.add(new Drift(statementId, organizationId, field, Long.toString(inView),
                    Long.toString(recounted)));
        }
    }
}
