package org.endorsements.command.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.endorsements.command.endorsement.Endorsement;
import org.endorsements.command.endorsement.InvalidateEndorsementCommand;
import org.endorsements.command.registry.StatementRegistry;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.TextRules;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;

/**
 * Plans bulk invalidations and runs them, one endorsement after another, on one thread per instance. A job's
 * progress lives in this instance's memory; what it did is in the event store, one event per endorsement, so a
 * job lost to a restart is completed by starting it again (an invalidated endorsement stays as it is).
 */
@Component
public class InvalidationJobs {

    private static final String RESULT_INVALIDATED = "invalidated";

    private final StatementRegistry registry;
    private final CommandGateway commands;
    private final Clock clock;
    private final ModerationProperties properties;
    private final Map<String, InvalidationJob> jobs = new LinkedHashMap<>();
    /** Runs as the admin who started the job: its commands record that caller. */
    private final ExecutorService runner =
            new DelegatingSecurityContextExecutorService(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "invalidation-jobs");
                thread.setDaemon(true);
                return thread;
            }));

    InvalidationJobs(
            StatementRegistry registry, CommandGateway commands, Clock clock, ModerationProperties properties) {
        this.registry = registry;
        this.commands = commands;
        this.clock = clock;
        this.properties = properties;
    }

    /** The dry run: what the request would change now; records nothing. */
    public InvalidationPlan preview(
            StatementId statementId,
            Collection<OrganizationId> organizations,
            InvalidationCategory category,
            String reason) {
        validate(statementId, organizations, category, reason);
        return plan(statementId, organizations);
    }

    /** Plans as {@link #preview} does, then invalidates every counted endorsement of the plan in the background. */
    public InvalidationJob start(
            StatementId statementId,
            Collection<OrganizationId> organizations,
            InvalidationCategory category,
            String reason) {
        String normalized = validate(statementId, organizations, category, reason);
        InvalidationPlan plan = plan(statementId, organizations);
        String jobId = UUID.randomUUID().toString();
        InvalidationJob job = new InvalidationJob(
                jobId,
                statementId,
                category,
                normalized,
                InvalidationJob.Status.RUNNING,
                plan,
                0,
                List.of(),
                clock.instant(),
                null,
                null);
        put(job);
        runner.execute(() -> run(job));
        return job;
    }

    public Optional<InvalidationJob> find(StatementId statementId, String jobId) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(jobId))
                    .filter(j -> j.statementId().equals(statementId));
        }
    }

    private void run(InvalidationJob started) {
        List<InvalidationJob.Result> results = new ArrayList<>();
        InvalidationJob job = started;
        for (OrganizationId organization : started.plan().toInvalidate()) {
            String outcome;
            try {
                commands.sendAndWait(new InvalidateEndorsementCommand(
                        new EndorsementId(started.statementId(), organization),
                        started.category(),
                        started.reason(),
                        started.jobId(),
                        clock.instant()));
                outcome = RESULT_INVALIDATED;
            } catch (DomainRuleViolation e) {
                outcome = e.code();
            } catch (RuntimeException e) {
                outcome = "failed";
            }
            results.add(new InvalidationJob.Result(organization.value(), outcome));
            job = progressed(job, results, InvalidationJob.Status.RUNNING, null);
        }
        progressed(job, results, InvalidationJob.Status.DONE, registry.countedEndorsements(started.statementId()));
    }

    private InvalidationJob progressed(
            InvalidationJob job, List<InvalidationJob.Result> results, InvalidationJob.Status status, Long counted) {
        InvalidationJob next = new InvalidationJob(
                job.jobId(),
                job.statementId(),
                job.category(),
                job.reason(),
                status,
                job.plan(),
                results.size(),
                List.copyOf(results),
                job.startedAt(),
                status == InvalidationJob.Status.DONE ? clock.instant() : null,
                counted);
        put(next);
        return next;
    }

    private void put(InvalidationJob job) {
        synchronized (jobs) {
            jobs.put(job.jobId(), job);
            var oldest = jobs.values().iterator();
            while (jobs.size() > properties.keptJobs() && oldest.hasNext()) {
                if (oldest.next().status() == InvalidationJob.Status.DONE) {
                    oldest.remove();
                }
            }
        }
    }

    private InvalidationPlan plan(StatementId statementId, Collection<OrganizationId> organizations) {
        return InvalidationPlan.of(
                registry.countedEndorsements(statementId),
                organizations,
                registry.endorsementStates(statementId, organizations));
    }

    /** The rules every endorsement's invalidation would check, once for the whole list; the normalized reason. */
    private String validate(
            StatementId statementId,
            Collection<OrganizationId> organizations,
            InvalidationCategory category,
            String reason) {
        if (registry.find(statementId).isEmpty()) {
            throw DomainRuleViolation.notFound("statement-not-found", "no such statement");
        }
        if (organizations.isEmpty() || organizations.size() > properties.maxListSize()) {
            throw DomainRuleViolation.invalid(
                    "invalid-organization-ids", "organizationIds must name 1 to " + properties.maxListSize());
        }
        if (category == null) {
            throw DomainRuleViolation.invalid("invalid-category", "category is required");
        }
        return TextRules.singleLine(reason, "reason", Endorsement.MAX_REASON_LENGTH, true);
    }
}
