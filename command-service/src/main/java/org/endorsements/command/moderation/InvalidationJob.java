package org.endorsements.command.moderation;

import java.time.Instant;
import java.util.List;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.StatementId;

/**
 * A bulk invalidation as it runs: what was planned, how far it got, and each endorsement's result. Its id is the
 * {@code requestId} of every event it records, so the audit trail shows which job recorded which invalidation.
 */
public record InvalidationJob(
        String jobId,
        StatementId statementId,
        InvalidationCategory category,
        String reason,
        Status status,
        InvalidationPlan plan,
        int processed,
        List<Result> results,
        Instant startedAt,
        Instant finishedAt,
        Long countedAfter) {

    public enum Status {
        RUNNING,
        DONE,
        /**
         * Not finished, and its instance has not reported progress within the lease: it stopped. What it did is in
         * the results (each written with its invalidation); starting the same list again finishes it.
         */
        INTERRUPTED
    }

    /** {@code outcome}: {@code invalidated}, or the problem code of an endorsement that changed since the plan. */
    public record Result(String organizationId, String outcome) {}

    public int total() {
        return plan.toInvalidate().size();
    }
}
