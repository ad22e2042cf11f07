package org.endorsements.command.moderation;

import java.time.Instant;
import java.util.Optional;
import org.endorsements.events.StatementId;

/**
 * Where bulk invalidation jobs are kept: the command side's database, which every instance reads, so that a job
 * started on one instance is polled on any other and outlives a restart of the instance that ran it.
 */
public interface InvalidationJobStore {

    /** A new running job with its plan, none of it processed yet. */
    void create(InvalidationJob job);

    /**
     * The result of one of the job's planned invalidations (a list names an organization once), and that the job
     * is alive at {@code at}. Called in the transaction of the invalidation it reports, when there is one.
     */
    void recordResult(String jobId, InvalidationJob.Result result, Instant at);

    void finish(String jobId, long countedAfter, Instant at);

    /**
     * The job as it is now; a running job not heard of since {@code aliveSince} is {@link
     * InvalidationJob.Status#INTERRUPTED}.
     */
    Optional<InvalidationJob> find(StatementId statementId, String jobId, Instant aliveSince);
}
