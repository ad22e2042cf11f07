package org.endorsements.query.projection.messaging;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.InstancesProperties;
import org.endorsements.query.projection.persistence.ActiveGeneration;
import org.endorsements.query.projection.persistence.InstanceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Keeps this instance on the generation the view store says is live, and records in the view store which one it
 * reads. When another instance's replay switched, this one does the same at its next heartbeat: its live
 * projection stops between two batches, reads and projection move to the new generation, and the projection starts
 * again from the positions stored with that generation, so the events it had written meanwhile into the old one
 * are written into the new one too (the engine skips what the replay already has). The replaying instance drops
 * the old generation only once every instance records the new one.
 */
class GenerationFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationFollower.class);

    private final ActiveGeneration active;
    private final InstanceRegistry registry;
    private final InstancesProperties properties;
    private final KafkaListenerEndpointRegistry listeners;
    private final ProjectionListener listener;
    private final Replay replay;
    private final KafkaLiveProjection projection;
    private volatile String restedFor;
    private volatile ScheduledExecutorService timer;

    GenerationFollower(
            ActiveGeneration active,
            InstanceRegistry registry,
            InstancesProperties properties,
            KafkaListenerEndpointRegistry listeners,
            ProjectionListener listener,
            Replay replay,
            KafkaLiveProjection projection) {
        this.projection = projection;
        this.active = active;
        this.registry = registry;
        this.properties = properties;
        this.listeners = listeners;
        this.listener = listener;
        this.replay = replay;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "generation-follower");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.heartbeat().toMillis();
        timer.scheduleWithFixedDelay(this::beat, 0, every, TimeUnit.MILLISECONDS);
    }

    void beat() {
        try {
            follow();
            registry.report(active.current().number(), listener.projectedPartitions(), null);
            restForOthers();
        } catch (RuntimeException e) {
            log.warn("Could not follow the live view generation: {}", e.toString());
        }
    }

    /** Another instance's reconciliation asks every projection to hold still: this one rests once per request. */
    private void restForOthers() {
        Optional<InstanceRegistry.PauseRequest> request = registry.pauseRequest();
        if (request.isEmpty()
                || request.get().by().equals(registry.name())
                || request.get().id().equals(restedFor)) {
            return;
        }
        restedFor = request.get().id();
        if (!projection.restFor(request.get(), properties.heartbeat())) {
            log.warn(
                    "Could not hold the projection still for {}'s pause request",
                    request.get().by());
        }
        registry.report(active.current().number(), listener.projectedPartitions(), null);
    }

    private void follow() {
        Optional<Integer> stored = active.stored();
        if (stored.isEmpty() || stored.get() <= active.current().number()) {
            return;
        }
        // The same lock as this instance's own replay switch and the reconciliation's pause.
        replay.switchOver.lock();
        try {
            Generation next = new Generation(stored.get());
            MessageListenerContainer live = listeners.getListenerContainer(ProjectionListener.LISTENER_ID);
            boolean wasRunning = live != null && live.isRunning();
            if (wasRunning) {
                live.stop();
            }
            try {
                active.adopt(next);
                listener.forgetUnfinishedBatch();
            } finally {
                if (wasRunning) {
                    live.start();
                }
            }
        } finally {
            replay.switchOver.unlock();
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdownNow();
            try {
                // A heartbeat in progress would record this instance again after it is forgotten.
                t.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            registry.forget();
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance from the registry: {}", e.toString());
        }
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
