package org.endorsements.query.projection.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.endorsements.query.projection.LiveProjection;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Pauses the live projection's listener container. A pause takes effect between batches: the container reports
 * itself paused only once the batch in hand was written (views, logs and position) and no poll follows.
 */
class KafkaLiveProjection implements LiveProjection {

    private static final Duration CHECK_EVERY = Duration.ofMillis(10);

    private final KafkaListenerEndpointRegistry listeners;

    KafkaLiveProjection(KafkaListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    @Override
    public <T> Optional<T> whilePaused(Duration timeout, Supplier<T> work) {
        MessageListenerContainer live = listeners.getListenerContainer(Replay.LIVE_LISTENER_ID);
        if (live == null || !live.isRunning()) {
            // Not projecting (not started yet, or stopped by a replay switching over): nothing moves.
            return Optional.ofNullable(work.get());
        }
        boolean pausedHere = !live.isPauseRequested();
        live.pause();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!live.isContainerPaused()) {
                if (System.nanoTime() > deadline) {
                    return Optional.empty();
                }
                Thread.sleep(CHECK_EVERY.toMillis());
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
