package org.endorsements.query.projection.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.endorsements.query.projection.LiveProjection;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Pauses the live projection's listener container. A pause takes effect between two polls; the container reports
 * itself paused once its consumer is. That alone does not mean the views are whole: a batch that failed is retried
 * after the pause, and until then its writes are partial. So the work runs only when the listener also says no
 * batch is unfinished, and never while a replay switches generations (it stops and restarts the same container,
 * then drops the old collections).
 *
 * <p>This holds one instance still. With several query-service instances in the consumer group, the others go on
 * writing their partitions, and an instance that owns no partition never pauses (the work is then reported
 * unconfirmed after the timeout).
 */
class KafkaLiveProjection implements LiveProjection {

    private static final Duration CHECK_EVERY = Duration.ofMillis(10);

    private final KafkaListenerEndpointRegistry listeners;
    private final ProjectionListener listener;
    private final Replay replay;

    KafkaLiveProjection(KafkaListenerEndpointRegistry listeners, ProjectionListener listener, Replay replay) {
        this.listeners = listeners;
        this.listener = listener;
        this.replay = replay;
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
