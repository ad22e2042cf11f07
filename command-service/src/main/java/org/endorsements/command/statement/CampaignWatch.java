package org.endorsements.command.statement;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.endorsements.command.registry.StatementRegistry;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementTargetsSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records on the command side what follows from the clock and from the count, neither of which the statement
 * aggregate sees: it closes a statement once its closing time has passed, and records its goal as reached once
 * the counted endorsements (the registry's, kept in each endorsement's transaction) reach it.
 *
 * <p>An endorsement that may reach a goal marks its statement after its commit; marked statements are counted
 * within {@link CampaignProperties#goalCheckDelay()}. Only a crash between a commit and its check loses a mark, so
 * every pending goal is counted once at start, not on a timer: a count reads all of a statement's rows. Passed
 * deadlines are looked up (an indexed read) at start and every {@link CampaignProperties#sweepInterval()}, so a
 * service that was down at a deadline closes the statement when it is back. Any number of instances may do
 * this at once: the aggregate records each close and each goal once (docs/decisions/0015).
 */
@Component
@ProcessingGroup(CampaignWatch.PROCESSING_GROUP)
class CampaignWatch implements SmartLifecycle {

    static final String PROCESSING_GROUP = "campaign-watch";

    private static final Logger log = LoggerFactory.getLogger(CampaignWatch.class);

    private final StatementRegistry registry;
    private final CommandGateway commands;
    private final Clock clock;
    private final CampaignProperties properties;
    private final Set<StatementId> marked = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService scheduler;

    CampaignWatch(StatementRegistry registry, CommandGateway commands, Clock clock, CampaignProperties properties) {
        this.registry = registry;
        this.commands = commands;
        this.clock = clock;
        this.properties = properties;
    }

    @EventHandler
    void on(EndorsementAdded event) {
        markAfterCommit(event.statementId());
    }

    @EventHandler
    void on(EndorsementReinstated event) {
        markAfterCommit(event.statementId());
    }

    /** A lowered goal may be met already. */
    @EventHandler
    void on(StatementTargetsSet event) {
        markAfterCommit(event.statementId());
    }

    private void markAfterCommit(StatementId statementId) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unit -> marked.add(statementId));
        } else {
            marked.add(statementId);
        }
    }

    /** Once the service takes requests: deadlines that passed while it was down close first. */
    @EventListener(ApplicationReadyEvent.class)
    void startWhenReady() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "campaign-watch");
            thread.setDaemon(true);
            return thread;
        });
        long check = properties.goalCheckDelay().toMillis();
        long sweep = properties.sweepInterval().toMillis();
        executor.execute(this::sweep);
        executor.scheduleWithFixedDelay(this::checkMarked, check, check, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::closePassedDeadlines, sweep, sweep, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    /** Closes every open statement whose closing time passed and checks every pending goal. */
    void sweep() {
        closePassedDeadlines();
        try {
            registry.withGoalPending().forEach(this::checkGoal);
        } catch (RuntimeException e) {
            log.warn("Checking pending goals failed, the next endorsement of each checks again: {}", e.toString());
        }
    }

    private void closePassedDeadlines() {
        try {
            for (StatementId id : registry.pastClosingTime(clock.instant())) {
                closeAtDeadline(id);
            }
        } catch (RuntimeException e) {
            log.warn("Checking deadlines failed, next try in {}: {}", properties.sweepInterval(), e.toString());
        }
    }

    void checkMarked() {
        for (StatementId id : Set.copyOf(marked)) {
            marked.remove(id);
            try {
                checkGoal(id);
            } catch (RuntimeException e) {
                marked.add(id);
                log.warn("Checking the goal of {} failed, the next check tries again: {}", id.value(), e.toString());
            }
        }
    }

    private void checkGoal(StatementId id) {
        registry.targets(id)
                .filter(t -> t.signatureGoal() != null && !t.goalReached())
                .ifPresent(t -> {
                    long count = registry.countedEndorsements(id);
                    if (count >= t.signatureGoal()) {
                        send(new RecordGoalReachedCommand(id, count, clock.instant()));
                    }
                });
    }

    private void closeAtDeadline(StatementId id) {
        if (send(new CloseStatementAtDeadlineCommand(id, clock.instant()))) {
            log.info("Statement {} reached its closing time", id.value());
        }
    }

    /**
     * A conflict (another instance appended the same statement's next event first) or a deadline an admin just
     * moved is decided again on the new state: a goal at the next check of marked statements, a deadline at the
     * next sweep.
     */
    private boolean send(Object command) {
        try {
            return Boolean.TRUE.equals(commands.sendAndWait(command));
        } catch (RuntimeException e) {
            if (command instanceof RecordGoalReachedCommand goal) {
                marked.add(goal.statementId());
            }
            log.debug("{} not recorded now ({}); decided again later", command, e.toString());
            return false;
        }
    }

    @Override
    public void start() {
        // started by ApplicationReadyEvent, once the registry and the command bus take work
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
