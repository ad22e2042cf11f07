-- Bulk invalidation jobs, kept where every instance of the command service reads them and across a restart. A
-- step's result is written in the transaction of the invalidation it records, so a job's progress never says
-- less or more than the event store holds. A running job whose heartbeat is older than the lease
-- (endorsements.moderation.job-lease) is reported as interrupted: its instance stopped.
CREATE TABLE invalidation_job (
    job_id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    statement_id       VARCHAR(100) NOT NULL,
    category           VARCHAR(32)  NOT NULL,
    reason             VARCHAR(500) NOT NULL,
    counted_before     BIGINT       NOT NULL,
    counted_after_plan BIGINT       NOT NULL,
    counted_after      BIGINT,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at        TIMESTAMP WITH TIME ZONE,
    heartbeat_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The plan, one row per organization in the list's order; result is set once the job has processed the step
-- (only steps planned as 'invalidate' are processed).
CREATE TABLE invalidation_job_step (
    job_id          VARCHAR(36)  NOT NULL,
    step_index      INTEGER      NOT NULL,
    organization_id VARCHAR(100) NOT NULL,
    planned         VARCHAR(32)  NOT NULL,
    result          VARCHAR(64),
    PRIMARY KEY (job_id, step_index)
);
