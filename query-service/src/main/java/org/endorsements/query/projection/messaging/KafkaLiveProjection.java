package org.endorsements.query.projection.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.projection.LiveProjection;
import org.endorsements.query.projection.persistence.InstanceRegistry;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Pauses the live projection's listener container. A pause takes effect between two polls; the container reports
 * itself paused once its consumer is. That alone does not mean the views are whole: a batch that failed is retried
 * after the pause, and until then its writes are partial. So the work runs only when the listener also says no
 * batch is unfinished, and never while a replay switches generations (it stops and restarts the same container,
 * then drops the old collections).
 *
 * <p>{@link #whilePaused} holds this instance still. {@link #whileEveryInstancePaused} also asks the others, through
 * the view store, to hold still ({@link InstanceRegistry#requestPause}); each one, at its next heartbeat, pauses the
 * same way and records that it rests for the request, with its partitions, until the request ends. Those that do
 * not within the timeout are named by their partitions as unconfirmed, and the work runs without them.
 */
class KafkaLiveProjection implements LiveProjection {

    private static final Duration CHECK_EVERY = Duration.ofMillis(10);

    private final KafkaListenerEndpointRegistry listeners;
    private final ProjectionListener listener;
    private final Replay replay;
    private final InstanceRegistry registry;
    private final LiveGeneration live;

    KafkaLiveProjection(
            KafkaListenerEndpointRegistry listeners,
            ProjectionListener listener,
            Replay replay,
            InstanceRegistry registry,
            LiveGeneration live) {
        this.listeners = listeners;
        this.listener = listener;
        this.replay = replay;
        this.registry = registry;
        this.live = live;
    }

    @Override
    public <T> Paused<T> whileEveryInstancePaused(Duration timeout, Supplier<T> work) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Integer> unconfirmed = new TreeSet<>();
        Optional<T> result = whilePaused(timeout, () -> {
            String request = UUID.randomUUID().toString();
            // Beyond the wait, the work's own time: the others rest until the request ends or this much later.
            registry.requestPause(request, Instant.now().plus(timeout.multipliedBy(3)));
            try {
                List<InstanceRegistry.Instance> restless = restless(request);
                while (!restless.isEmpty() && System.nanoTime() < deadline) {
                    pauseBriefly(); // another process's write is what is waited for
                    restless = restless(request);
                }
                restless.forEach(i -> unconfirmed.addAll(i.partitions()));
                return work.get();
            } finally {
                registry.endPause(request);
            }
        });
        return new Paused<>(result, unconfirmed);
    }

    private List<InstanceRegistry.Instance> restless(String request) {
        return registry.others().stream()
                .filter(i -> !i.partitions().isEmpty() && !request.equals(i.restingFor()))
                .toList();
    }

    /**
     * Another instance's pause request: holds this projection still, records that it rests, and stays at rest
     * until the request ends or expires. False when this projection could not come to rest before that.
     */
    boolean restFor(InstanceRegistry.PauseRequest request, Duration heartbeat) {
        Duration left = Duration.between(Instant.now(), request.until());
        if (left.isNegative() || left.isZero()) {
            return false;
        }
        return whilePaused(left, () -> {
                    long beatEvery = heartbeat.toNanos();
                    long lastBeat = 0;
                    while (registry.pauseRequest()
                            .filter(r -> r.id().equals(request.id()))
                            .isPresent()) {
                        if (System.nanoTime() - lastBeat >= beatEvery) {
                            registry.report(live.current().number(), listener.projectedPartitions(), request.id());
                            lastBeat = System.nanoTime();
                        }
                        pauseBriefly();
                    }
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    private static void pauseBriefly() {
        try {
            Thread.sleep(CHECK_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the projections are held still", e);
        }
    }

    @Override
    public <T> Optional<T> whilePaused(Duration timeout, Supplier<T> work) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!replay.switchOver.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            MessageListenerContainer live = listeners.getListenerContainer(ProjectionListener.LISTENER_ID);
            if (live == null || !live.isRunning()) {
                // Not started yet: nothing says the views are whole.
                return Optional.empty();
            }
            return pausedFor(live, deadline, work);
        } finally {
            replay.switchOver.unlock();
        }
    }

    private <T> Optional<T> pausedFor(MessageListenerContainer live, long deadline, Supplier<T> work) {
        boolean pausedHere = !live.isPauseRequested();
        live.pause();
        try {
            while (!live.isContainerPaused()) {
                if (System.nanoTime() > deadline) {
                    return Optional.empty();
                }
                Thread.sleep(CHECK_EVERY.toMillis());
            }
            if (listener.batchUnfinished()) {
                // A failed batch is retried only after the pause: waiting for it here would be in vain.
                return Optional.empty();
            }
            return Optional.ofNullable(work.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (pausedHere) {
                live.resume();
            }
        }
    }
}
