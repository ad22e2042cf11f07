package org.endorsements.command.moderation.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.endorsements.command.moderation.InvalidationJob;
import org.endorsements.command.moderation.InvalidationJobStore;
import org.endorsements.command.moderation.InvalidationPlan;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs in {@code invalidation_job}, their plans and results in {@code invalidation_job_step}. A job's status is
 * derived when it is read: finished, running (heard of within the lease) or interrupted.
 */
@Component
class JdbcInvalidationJobStore implements InvalidationJobStore {

    private final JdbcClient jdbc;

    JdbcInvalidationJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void create(InvalidationJob job) {
        jdbc.sql("INSERT INTO invalidation_job (job_id, statement_id, category, reason, counted_before, "
                        + "counted_after_plan, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        job.jobId(),
                        job.statementId().value(),
                        job.category().wireName(),
                        job.reason(),
                        job.plan().countedBefore(),
                        job.plan().countedAfter(),
                        time(job.startedAt()),
                        time(job.startedAt()))
                .update();
        List<InvalidationPlan.Step> steps = job.plan().steps();
        for (int i = 0; i < steps.size(); i++) {
            jdbc.sql("INSERT INTO invalidation_job_step (job_id, step_index, organization_id, planned) "
                            + "VALUES (?, ?, ?, ?)")
                    .params(
                            job.jobId(),
                            i,
                            steps.get(i).organizationId().value(),
                            steps.get(i).outcome().name())
                    .update();
        }
    }

    @Override
    @Transactional
    public void recordResult(String jobId, InvalidationJob.Result result, Instant at) {
        jdbc.sql("UPDATE invalidation_job_step SET result = ? WHERE job_id = ? AND organization_id = ? "
                        + "AND planned = ? AND result IS NULL")
                .params(result.outcome(), jobId, result.organizationId(), InvalidationPlan.Outcome.INVALIDATE.name())
                .update();
        jdbc.sql("UPDATE invalidation_job SET heartbeat_at = ? WHERE job_id = ?")
                .params(time(at), jobId)
                .update();
    }

    @Override
    public void finish(String jobId, long countedAfter, Instant at) {
        jdbc.sql("UPDATE invalidation_job SET counted_after = ?, finished_at = ?, heartbeat_at = ? WHERE job_id = ?")
                .params(countedAfter, time(at), time(at), jobId)
                .update();
    }

    private record Row(
            String category,
            String reason,
            long countedBefore,
            long countedAfterPlan,
            Long countedAfter,
            Instant startedAt,
            Instant finishedAt,
            Instant heartbeatAt) {}

    private record StepRow(String organizationId, String planned, String result) {}

    @Override
    @Transactional(readOnly = true)
    public Optional<InvalidationJob> find(StatementId statementId, String jobId, Instant aliveSince) {
        Optional<Row> found = jdbc.sql("SELECT category, reason, counted_before, counted_after_plan, counted_after, "
                        + "started_at, finished_at, heartbeat_at FROM invalidation_job "
                        + "WHERE job_id = ? AND statement_id = ?")
                .params(jobId, statementId.value())
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getObject(5) == null ? null : rs.getLong(5),
                        instant(rs.getObject(6, OffsetDateTime.class)),
                        instant(rs.getObject(7, OffsetDateTime.class)),
                        instant(rs.getObject(8, OffsetDateTime.class))))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        List<StepRow> rows = jdbc.sql("SELECT organization_id, planned, result FROM invalidation_job_step "
                        + "WHERE job_id = ? ORDER BY step_index")
                .param(jobId)
                .query((rs, n) -> new StepRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        List<InvalidationPlan.Step> steps = new ArrayList<>();
        List<InvalidationJob.Result> results = new ArrayList<>();
        for (StepRow step : rows) {
            steps.add(new InvalidationPlan.Step(
                    OrganizationId.of(step.organizationId()), InvalidationPlan.Outcome.valueOf(step.planned())));
            if (step.result() != null) {
                results.add(new InvalidationJob.Result(step.organizationId(), step.result()));
            }
        }
        InvalidationJob.Status status = row.finishedAt() != null
                ? InvalidationJob.Status.DONE
                : row.heartbeatAt().isBefore(aliveSince)
                        ? InvalidationJob.Status.INTERRUPTED
                        : InvalidationJob.Status.RUNNING;
        return Optional.of(new InvalidationJob(
                jobId,
                statementId,
                InvalidationCategory.fromWire(row.category()),
                row.reason(),
                status,
                new InvalidationPlan(row.countedBefore(), row.countedAfterPlan(), List.copyOf(steps)),
                results.size(),
                List.copyOf(results),
                row.startedAt(),
                row.finishedAt(),
                row.countedAfter()));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
