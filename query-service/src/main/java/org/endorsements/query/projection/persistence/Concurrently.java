package org.endorsements.query.projection.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the independent round trips of one projected batch side by side: the writes to different collections, and
 * the chunks of one lookup. One after another, the projection waited for the MongoDB server on every round trip
 * while the server waited for the projection to encode the next, so a replay used little more than one of the two
 * cores. The embedded server locks each collection on its own, so writes to different collections go on at once
 * there as on a real MongoDB.
 *
 * <p>Callers order what must be ordered (a log's state after its leaves, the views' position after every view) by
 * calling this once per step: it returns only when every task of the step has finished, and it fails if any did.
 */
public final class Concurrently {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    /**
     * Unbounded, so that a task may run a step of its own (a replay writes logs and views at once, and each of them
     * writes several collections) without waiting for a thread held by its caller. Every caller submits a handful
     * of tasks at most; idle threads end after a minute.
     */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "view-round-trip-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Concurrently() {
    }

    /** Runs every task, the first on the calling thread; returns their results in order once all have finished. */
    public static <T> List<T> call(List<Callable<T>> tasks) {
        if (tasks.size() == 1) {
            return List.of(callHere(tasks.get(0)));
        }
        List<Future<T>> others = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks.subList(Math.min(1, tasks.size()), tasks.size())) {
            others.add(POOL.submit(task));
        }
        List<T> results = new ArrayList<>(tasks.size());
        RuntimeException failure = null;
        if (!tasks.isEmpty()) {
            try {
                results.add(callHere(tasks.get(0)));
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        // Every task is waited for, failed or not: the caller's next step must not overtake one still running.
        for (Future<T> other : others) {
            try {
                results.add(other.get());
            } catch (ExecutionException e) {
                failure = firstOf(failure, e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = firstOf(failure, new IllegalStateException("interrupted while writing views", e));
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /** Runs every task, the first on the calling thread; returns once all have finished. */
    public static void run(List<Runnable> tasks) {
        List<Callable<Void>> callables = new ArrayList<>(tasks.size());
        for (Runnable task : tasks) {
            callables.add(() -> {
                task.run();
                return null;
            });
        }
        call(callables);
    }

    private static <T> T callHere(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException firstOf(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
