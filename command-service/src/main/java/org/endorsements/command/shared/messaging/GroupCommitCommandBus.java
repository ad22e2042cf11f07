package org.endorsements.command.shared.messaging;

import static org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.endorsements.command.shared.GroupCommitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command bus that decides {@link GroupCommitted} commands arriving together in one Axon unit of work and stores
 * their events in one transaction (decision 0017); every other command goes to Axon's {@link SimpleCommandBus}
 * unchanged.
 *
 * <p>Each worker takes, when its previous batch has finished, what is queued for it (at most {@code maxBatch}), so
 * an idle service adds no wait. In a batch each command runs in a nested unit of work of its own: a command that
 * fails is rolled back alone and answered with its failure, the others' events stay. The batch's root unit of work
 * holds the transaction: its commit writes every event of the batch in one JDBC batch and commits once. Only then
 * is any command answered. A batch whose commit fails (another writer took a sequence number, the database
 * refused) is decided again in two halves, down to single commands, whose failure is then their answer (the
 * dispatcher retries a conflict as before).
 *
 * <p>A batch holds at most one command per aggregate; a later command for an aggregate already in the batch waits
 * for the next one, so commands for one aggregate are decided one after the other, in the order they came, each
 * seeing the events of the one before. Aggregates are spread over the workers by identifier, so one aggregate is
 * only ever in one worker's batches.
 */
public final class GroupCommitCommandBus implements CommandBus {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitCommandBus.class);

    private final SimpleCommandBus single;
    private final TransactionManager transactionManager;
    private final int maxBatch;
    private final List<MessageDispatchInterceptor<? super CommandMessage<?>>> dispatchInterceptors =
            new CopyOnWriteArrayList<>();
    private final List<MessageHandlerInterceptor<? super CommandMessage<?>>> handlerInterceptors =
            new CopyOnWriteArrayList<>();
    private final Map<String, MessageHandler<? super CommandMessage<?>>> handlers = new ConcurrentHashMap<>();
    private final CommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();
    private final Worker[] workers;
    private final boolean grouping;
    private volatile boolean running = true;

    /**
     * @param single the bus for every command that is not group-committed, and for all of them once this bus shuts
     *     down; it has no interceptors of its own: they are registered here and applied to both paths
     * @param grouping false: every command goes to {@code single}, one by one, as without this bus
     */
    public GroupCommitCommandBus(
            SimpleCommandBus single,
            TransactionManager transactionManager,
            int maxBatch,
            int workers,
            boolean grouping) {
        this.single = single;
        this.grouping = grouping;
        this.transactionManager = transactionManager;
        this.maxBatch = maxBatch;
        this.workers = new Worker[workers];
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Worker(i);
        }
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, (message, result) -> {
            if (result.isExceptional()) {
                log.warn("Command {} failed", message.getCommandName(), result.exceptionResult());
            }
        });
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        CommandMessage<C> intercepted = intercept(command);
        MessageHandler<? super CommandMessage<?>> handler = handlers.get(intercepted.getCommandName());
        // A command sent from within a unit of work (a handler's) belongs to that one, as on the simple bus.
        if (!grouping
                || !running
                || handler == null
                || !(intercepted.getPayload() instanceof GroupCommitted)
                || CurrentUnitOfWork.isStarted()) {
            single.dispatch(intercepted, callback);
            return;
        }
        String target = targets.resolveTarget(intercepted).getIdentifier();
        workers[Math.floorMod(target.hashCode(), workers.length)].queue.add(
                new Pending(intercepted, handler, target, (CommandCallback) callback));
    }

    @SuppressWarnings("unchecked")
    private <C> CommandMessage<C> intercept(CommandMessage<C> command) {
        CommandMessage<C> result = command;
        for (MessageDispatchInterceptor<? super CommandMessage<?>> interceptor : dispatchInterceptors) {
            result = (CommandMessage<C>) interceptor.handle(result);
        }
        return result;
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        Registration subscription = single.subscribe(commandName, handler);
        handlers.put(commandName, handler);
        return () -> {
            handlers.remove(commandName, handler);
            return subscription.cancel();
        };
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        Registration onSingle = single.registerHandlerInterceptor(interceptor);
        handlerInterceptors.add(interceptor);
        return () -> {
            handlerInterceptors.remove(interceptor);
            return onSingle.cancel();
        };
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        dispatchInterceptors.add(interceptor);
        return () -> dispatchInterceptors.remove(interceptor);
    }

    /** Starts the workers; commands dispatched before run as soon as they do. */
    public void start() {
        if (!grouping) {
            return;
        }
        for (Worker worker : workers) {
            worker.thread.start();
        }
    }

    /**
     * Decides what is queued, then stops the workers; commands dispatched meanwhile run alone on the simple bus, so
     * none is refused and none is lost.
     */
    public void shutdown() {
        running = false;
        if (!grouping) {
            return;
        }
        for (Worker worker : workers) {
            try {
                worker.thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // A command queued just as the workers stopped is decided here, alone, rather than never answered.
        for (Worker worker : workers) {
            if (worker.thread.isAlive()) {
                continue;
            }
            List<Pending> left = new ArrayList<>(worker.heldBack);
            worker.queue.drainTo(left);
            for (Pending pending : left) {
                decide(List.of(pending));
            }
        }
    }

    /** A command waiting for its batch, with the handler Axon subscribed for it and the caller's callback. */
    private record Pending(
            CommandMessage<?> command,
            MessageHandler<? super CommandMessage<?>> handler,
            String aggregate,
            CommandCallback<Object, Object> callback) {

        @SuppressWarnings({"unchecked", "rawtypes"})
        void answer(CommandResultMessage<?> result) {
            try {
                callback.onResult((CommandMessage) command, (CommandResultMessage) result);
            } catch (RuntimeException e) {
                log.warn("The callback of command {} failed", command.getCommandName(), e);
            }
        }
    }

    private final class Worker implements Runnable {

        private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        /** Commands held back from a batch that already had their aggregate, in arrival order; they go first. */
        private final ArrayDeque<Pending> heldBack = new ArrayDeque<>();

        private final Thread thread;

        Worker(int index) {
            thread = new Thread(this, "group-commit-" + index);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (running || !queue.isEmpty() || !heldBack.isEmpty()) {
                try {
                    List<Pending> batch = nextBatch();
                    if (!batch.isEmpty()) {
                        decide(batch);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException | Error e) {
                    // decide answers every command; reaching here is a defect, and the worker must go on serving.
                    log.error("Group commit worker failed", e);
                }
            }
        }

        /** What is waiting now, at most one command per aggregate and {@code maxBatch} in all; blocks while idle. */
        private List<Pending> nextBatch() throws InterruptedException {
            List<Pending> waiting = new ArrayList<>(heldBack);
            heldBack.clear();
            if (waiting.isEmpty()) {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    return List.of();
                }
                waiting.add(first);
            }
            queue.drainTo(waiting, Math.max(0, maxBatch - waiting.size()));
            List<Pending> batch = new ArrayList<>(Math.min(waiting.size(), maxBatch));
            Set<String> aggregates = new HashSet<>();
            for (Pending pending : waiting) {
                if (batch.size() < maxBatch && aggregates.add(pending.aggregate())) {
                    batch.add(pending);
                } else {
                    heldBack.add(pending);
                }
            }
            return batch;
        }
    }

    /** Decides the batch in one transaction and answers every command, splitting the batch if its commit fails. */
    private void decide(List<Pending> batch) {
        List<CommandResultMessage<?>> results;
        try {
            results = inOneTransaction(batch);
        } catch (RuntimeException | Error commitFailure) {
            if (batch.size() == 1) {
                batch.get(0).answer(asCommandResultMessage(commitFailure));
                return;
            }
            log.debug(
                    "A batch of {} commands failed to commit; deciding it again in halves",
                    batch.size(),
                    commitFailure);
            int half = batch.size() / 2;
            decide(batch.subList(0, half));
            decide(batch.subList(half, batch.size()));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer(results.get(i));
        }
    }

    /**
     * Every command of the batch in a nested unit of work of the root one, which holds the transaction. Throws when
     * the root's commit fails; then nothing of the batch was stored.
     */
    private List<CommandResultMessage<?>> inOneTransaction(List<Pending> batch) {
        UnitOfWork<CommandMessage<?>> root =
                DefaultUnitOfWork.startAndGet(batch.get(0).command());
        root.attachTransaction(transactionManager);
        List<CommandResultMessage<?>> results = new ArrayList<>(batch.size());
        try {
            for (Pending pending : batch) {
                UnitOfWork<CommandMessage<?>> own = DefaultUnitOfWork.startAndGet(pending.command());
                DefaultInterceptorChain<CommandMessage<?>> chain =
                        new DefaultInterceptorChain<>(own, handlerInterceptors, pending.handler());
                // Any failure rolls the command's own unit of work back: its events never reach the batch's.
                ResultMessage<?> result =
                        own.executeWithResult(chain::proceed, RollbackConfigurationType.ANY_THROWABLE);
                results.add(asCommandResultMessage(result));
            }
        } catch (RuntimeException | Error e) {
            if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() != root) {
                CurrentUnitOfWork.get().rollback(e);
            }
            root.rollback(e);
            throw e;
        }
        root.commit();
        return results;
    }
}
