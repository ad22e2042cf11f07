package org.endorsements.command.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.endorsements.command.registry.StatementRegistry;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Bulk jobs are kept in the command side's database: another instance (here a second {@link InvalidationJobs} with
 * nothing in memory, on the same database) reports a job and its progress, and a job whose instance stopped is
 * reported as interrupted with what it did.
 */
@IntegrationTest
class InvalidationJobStoreIntegrationTest extends TestStackSupport {

    private static final StatementId STATEMENT = StatementId.of("jobs-elsewhere");
    private static final OrganizationId A = OrganizationId.of("org-a");
    private static final OrganizationId B = OrganizationId.of("org-b");

    @Autowired
    InvalidationJobStore store;

    @Autowired
    StatementRegistry registry;

    @Autowired
    CommandGateway commands;

    @Autowired
    ModerationProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    private InvalidationJobs anotherInstance(Instant now) {
        return new InvalidationJobs(
                registry, commands, Clock.fixed(now, java.time.ZoneOffset.UTC), properties, store, transactions);
    }

    private InvalidationJob runningJob(Instant startedAt) {
        InvalidationPlan plan = new InvalidationPlan(
                5,
                3,
                List.of(
                        new InvalidationPlan.Step(A, InvalidationPlan.Outcome.INVALIDATE),
                        new InvalidationPlan.Step(OrganizationId.of("org-c"), InvalidationPlan.Outcome.NOT_ENDORSED),
                        new InvalidationPlan.Step(B, InvalidationPlan.Outcome.INVALIDATE)));
        InvalidationJob job = new InvalidationJob(
                UUID.randomUUID().toString(),
                STATEMENT,
                InvalidationCategory.DUPLICATE,
                "counted twice",
                InvalidationJob.Status.RUNNING,
                plan,
                0,
                List.of(),
                startedAt,
                null,
                null);
        store.create(job);
        return job;
    }

    @Test
    void anotherInstanceReportsARunningJobWithItsPlanAndProgress() {
        Instant started = Instant.parse("2026-11-01T10:00:00Z");
        InvalidationJob job = runningJob(started);
        store.recordResult(job.jobId(), new InvalidationJob.Result(A.value(), "invalidated"), started.plusSeconds(1));

        InvalidationJob read = anotherInstance(started.plusSeconds(2))
                .find(STATEMENT, job.jobId())
                .orElseThrow();

        assertThat(read.status()).isEqualTo(InvalidationJob.Status.RUNNING);
        assertThat(read.total()).isEqualTo(2);
        assertThat(read.processed()).isEqualTo(1);
        assertThat(read.results()).containsExactly(new InvalidationJob.Result(A.value(), "invalidated"));
        assertThat(read.plan()).isEqualTo(job.plan());
        assertThat(read.reason()).isEqualTo("counted twice");
        assertThat(read.category()).isEqualTo(InvalidationCategory.DUPLICATE);
    }

    @Test
    void aJobNotHeardOfWithinTheLeaseIsReportedInterruptedWithWhatItDid() {
        Instant started = Instant.parse("2026-11-01T10:00:00Z");
        InvalidationJob job = runningJob(started);
        store.recordResult(job.jobId(), new InvalidationJob.Result(A.value(), "invalidated"), started.plusSeconds(1));
        Instant afterTheLease =
                started.plusSeconds(1).plus(properties.jobLease()).plus(Duration.ofSeconds(1));

        InvalidationJob read =
                anotherInstance(afterTheLease).find(STATEMENT, job.jobId()).orElseThrow();

        assertThat(read.status()).isEqualTo(InvalidationJob.Status.INTERRUPTED);
        assertThat(read.processed()).isEqualTo(1);
        assertThat(read.finishedAt()).isNull();
    }

    @Test
    void aFinishedJobStaysDoneWithItsCountAfter() {
        Instant started = Instant.parse("2026-11-01T10:00:00Z");
        InvalidationJob job = runningJob(started);
        store.recordResult(job.jobId(), new InvalidationJob.Result(A.value(), "invalidated"), started.plusSeconds(1));
        store.recordResult(job.jobId(), new InvalidationJob.Result(B.value(), "not-endorsed"), started.plusSeconds(2));
        store.finish(job.jobId(), 4, started.plusSeconds(3));

        InvalidationJob read = anotherInstance(started.plus(Duration.ofDays(30)))
                .find(STATEMENT, job.jobId())
                .orElseThrow();

        assertThat(read.status()).isEqualTo(InvalidationJob.Status.DONE);
        assertThat(read.countedAfter()).isEqualTo(4);
        assertThat(read.results())
                .extracting(InvalidationJob.Result::outcome)
                .containsExactly("invalidated", "not-endorsed");
    }

    @Test
    void aJobIsNotFoundUnderAnotherStatement() {
        InvalidationJob job = runningJob(Instant.parse("2026-11-01T10:00:00Z"));

        assertThat(store.find(StatementId.of("another"), job.jobId(), Instant.EPOCH))
                .isEmpty();
    }
}
