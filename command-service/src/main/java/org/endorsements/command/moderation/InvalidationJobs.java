package org.endorsements.command.moderation;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans bulk invalidations and runs them, one endorsement after another, on one thread per instance. A job and its
 * progress are kept in the command side's database ({@link InvalidationJobStore}), so any instance answers for a
 * job and a restart loses none: each endorsement's result is written in the transaction of its invalidation, so
 * the progress says exactly what the event store holds. A job whose instance stopped is reported as interrupted
 * once its lease has passed; starting the same list again finishes it (an invalidated endorsement stays as it is).
 */
@Component
public class InvalidationJobs {

    private static final String RESULT_INVALIDATED = "invalidated";
    private static final String RESULT_FAILED = "failed";

    private final StatementRegistry registry;
    private final CommandGateway commands;
    private final Clock clock;
    private final ModerationProperties properties;
    private final InvalidationJobStore store;
    private final TransactionTemplate transactions;
    /** Runs as the admin who started the job: its commands record that caller. */
    private final ExecutorService runner =
            new DelegatingSecurityContextExecutorService(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "invalidation-jobs");
                thread.setDaemon(true);
                return thread;
            }));

    InvalidationJobs(
            StatementRegistry registry,
            CommandGateway commands,
            Clock clock,
            ModerationProperties properties,
            InvalidationJobStore store,
            PlatformTransactionManager transactionManager) {
        this.registry = registry;
        this.commands = commands;
        this.clock = clock;
        this.properties = properties;
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
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
        store.create(job);
        runner.execute(() -> run(job));
        return job;
    }

    /** The job as any instance last recorded it. */
    public Optional<InvalidationJob> find(StatementId statementId, String jobId) {
        return store.find(statementId, jobId, clock.instant().minus(properties.jobLease()));
    }

    private void run(InvalidationJob job) {
        for (OrganizationId organization : job.plan().toInvalidate()) {
            InvalidateEndorsementCommand command = new InvalidateEndorsementCommand(
                    new EndorsementId(job.statementId(), organization),
                    job.category(),
                    job.reason(),
                    job.jobId(),
                    clock.instant());
            String outcome;
            try {
                // The invalidation and its result commit together: a crash leaves both or neither.
                transactions.executeWithoutResult(tx -> {
                    commands.sendAndWait(command);
                    store.recordResult(
                            job.jobId(),
                            new InvalidationJob.Result(organization.value(), RESULT_INVALIDATED),
                            clock.instant());
                });
                continue;
            } catch (DomainRuleViolation e) {
                outcome = e.code();
            } catch (RuntimeException e) {
                outcome = RESULT_FAILED;
            }
            store.recordResult(job.jobId(), new InvalidationJob.Result(organization.value(), outcome), clock.instant());
        }
        store.finish(job.jobId(), registry.countedEndorsements(job.statementId()), clock.instant());
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
