package org.endorsements.query.projection.messaging;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.query.projection.EngineStore;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.InstancesProperties;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.projection.ProjectionEngine;
import org.endorsements.query.projection.ProjectionProperties;
import org.endorsements.query.projection.persistence.ActiveGeneration;
import org.endorsements.query.projection.persistence.InstanceRegistry;
import org.endorsements.query.projection.persistence.ReplayLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Rebuilds every projection from offset 0 of the topic into a fresh generation of collections, under a consumer group of
 * its own, while the live views keep serving reads. Once caught up it pauses the live projection, reads what came
 * in meanwhile, switches reads and projection to the new generation at once, and drops the old one.
 *
 * <p>With several instances on one view store: the replay runs on one instance at a time, the one holding the
 * {@link ReplayLease} (renewed while it runs; an instance that dies holding it is taken over once it expires). The
 * switch is stored, and every other instance follows it within a heartbeat ({@link GenerationFollower}); the old
 * generation is dropped once every instance records that it reads the new one ({@link InstanceRegistry}).
 */
public class Replay {

    private static final Logger log = LoggerFactory.getLogger(Replay.class);
    private static final Duration POLL = Duration.ofMillis(500);

    public enum State {
        IDLE,
        RUNNING,
        SWITCHED,
        FAILED
    }

    /** Progress as reported to the admin: events done of total, rate, time left. */
    public record Progress(
            State state,
            Integer generation,
            long done,
            long total,
            double eventsPerSecond,
            Long secondsLeft,
            Instant startedAt,
            Instant finishedAt,
            String error) {}

    private final ProjectionEngine engine;
    private final EngineStore store;
    private final MongoTemplate mongo;
    private final ActiveGeneration active;
    private final ProjectionProperties properties;
    private final KafkaProperties kafka;
    private final KafkaListenerEndpointRegistry listeners;
    private final Clock clock;
    private final ProjectionListener listener;
    private final SimpleAsyncTaskExecutor executor;
    private final ReplayLease lease;
    private final InstanceRegistry instances;
    private final InstancesProperties instancesProperties;
    /** Held while the live projection is stopped for the switch-over: nothing may read the old generation then. */
    final ReentrantLock switchOver = new ReentrantLock();

    private final AtomicReference<Progress> progress =
            new AtomicReference<>(new Progress(State.IDLE, null, 0, 0, 0, null, null, null, null));

    public Replay(
            ProjectionEngine engine,
            EngineStore store,
            MongoTemplate mongo,
            ActiveGeneration active,
            ProjectionProperties properties,
            KafkaProperties kafka,
            KafkaListenerEndpointRegistry listeners,
            Clock clock,
            ProjectionListener listener,
            SimpleAsyncTaskExecutor executor,
            ReplayLease lease,
            InstanceRegistry instances,
            InstancesProperties instancesProperties) {
        this.lease = lease;
        this.instances = instances;
        this.instancesProperties = instancesProperties;
        this.engine = engine;
        this.store = store;
        this.listener = listener;
        this.executor = executor;
        this.mongo = mongo;
        this.active = active;
        this.properties = properties;
        this.kafka = kafka;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** A running replay is abandoned with the service: its generation is never switched to, and dropped next time. */
    @PreDestroy
    void stop() {
        executor.close();
    }

    public Progress progress() {
        return progress.get();
    }

    /** Starts a replay in the background; false when one is already running, here or on another instance. */
    public synchronized boolean start() {
        if (progress.get().state() == State.RUNNING) {
            return false;
        }
        int live = Math.max(active.current().number(), active.stored().orElse(0));
        Optional<ReplayLease.Taken> taken = lease.take(instances.name(), live + 1);
        if (taken.isEmpty()) {
            return false;
        }
        int target = taken.get().generation();
        Instant started = clock.instant();
        progress.set(new Progress(State.RUNNING, target, 0, 0, 0, null, started, null, null));
        executor.execute(() -> {
            try {
                taken.get().abandoned().filter(g -> g > live).ifPresent(g -> {
                    log.warn(
                            "Taking over the replay lease of an instance that stopped renewing it: dropping the "
                                    + "generation {} it was building",
                            g);
                    dropQuietly(new Generation(g));
                });
                run(target, started);
            } finally {
                lease.release(instances.name());
            }
        });
        return true;
    }

    /** The instance whose replay holds the lease now, if any (this one included). */
    public Optional<String> runningOn() {
        return lease.holder();
    }

    /** Renews the lease when due; a replay that lost it (it was too slow, another took over) must stop. */
    private Instant renewed(Instant last) {
        Instant now = clock.instant();
        if (now.isBefore(last.plus(lease.renewEvery()))) {
            return last;
        }
        if (!lease.renew(instances.name())) {
            throw new IllegalStateException("the replay lease expired and another instance took it over");
        }
        return now;
    }

    private void run(int target, Instant started) {
        Generation fresh = new Generation(target);
        boolean switched = false;
        Instant renewedAt = started;
        Generation replaced = null;
        try {
            drop(fresh);
            engine.declareIndexes(fresh);
            store.mark(fresh);
            try (KafkaConsumer<String, byte[]> consumer = consumer(target)) {
                List<TopicPartition> partitions = consumer.partitionsFor(properties.topic()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
                long done = 0;
                while (!caughtUp(consumer, partitions)) {
                    done += project(consumer.poll(POLL), fresh);
                    report(target, started, done, total(consumer, partitions, beginning));
                    renewedAt = renewed(renewedAt);
                }
                switchOver.lock();
                try {
                    MessageListenerContainer live = listeners.getListenerContainer(ProjectionListener.LISTENER_ID);
                    if (live != null) {
                        live.stop();
                    }
                    try {
                        while (!caughtUp(consumer, partitions)) {
                            done += project(consumer.poll(POLL), fresh);
                        }
                        replaced = active.current();
                        // Last check before the switch: only the lease's holder may switch.
                        if (!lease.renew(instances.name())) {
                            throw new IllegalStateException("the replay lease was taken over before the switch");
                        }
                        active.switchTo(fresh);
                        switched = true;
                        instances.report(fresh.number());
                        // A batch that failed before the stop will not be retried: the new generation is past it.
                        listener.forgetUnfinishedBatch();
                    } finally {
                        if (live != null) {
                            live.start();
                        }
                    }
                } finally {
                    switchOver.unlock();
                }
                // Before SWITCHED is reported: done means the old generation is gone too (or left, and said so).
                dropWhenNoneReads(replaced, fresh);
                long total = total(consumer, partitions, beginning);
                double seconds = Math.max(
                        0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
                progress.set(new Progress(
                        State.SWITCHED, target, done, total, done / seconds, 0L, started, clock.instant(), null));
                log.info(
                        "Replay into generation {} done: {} events in {} s ({} events/s)",
                        target,
                        done,
                        String.format("%.1f", seconds),
                        String.format("%.0f", done / seconds));
            }
        } catch (RuntimeException e) {
            if (switched) {
                // The new generation is live now: never drop it.
                log.error("Replay into generation {} switched over but then failed", target, e);
                return;
            }
            log.error("Replay into generation {} failed; the live views are untouched", target, e);
            dropQuietly(fresh);
            Progress p = progress.get();
            progress.set(new Progress(
                    State.FAILED,
                    target,
                    p.done(),
                    p.total(),
                    p.eventsPerSecond(),
                    null,
                    started,
                    clock.instant(),
                    "the replay failed; see the query service's log"));
        }
    }

    /**
     * Drops the old generation once every instance seen recently records that it reads the new one (after the
     * live projection here restarted: the wait is the others' heartbeat). An instance that never does within the
     * switch wait leaves the old generation in place, with a warning: a reader must never lose its views.
     */
    private void dropWhenNoneReads(Generation old, Generation fresh) {
        long deadline = System.nanoTime() + instancesProperties.switchWait().toNanos();
        Instant renewedAt = clock.instant();
        List<String> behind = instances.notYetReading(fresh.number());
        while (!behind.isEmpty()) {
            if (System.nanoTime() > deadline) {
                log.warn(
                        "Instances {} do not read generation {} after {}: generation {} is left in place",
                        behind,
                        fresh.number(),
                        instancesProperties.switchWait(),
                        old.number());
                return;
            }
            renewedAt = renewed(renewedAt);
            try {
                // Their heartbeat is what is waited for: another process's write, which nothing here can await.
                Thread.sleep(Math.max(10, instancesProperties.heartbeat().toMillis() / 4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            behind = instances.notYetReading(fresh.number());
        }
        dropQuietly(old);
    }

    private int project(ConsumerRecords<String, byte[]> records, Generation generation) {
        List<ProjectedEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(listener.decode(record));
            } catch (EventMessageFormat.UnreadableEventException | IllegalArgumentException e) {
                // Parked by the live projection, which has reached it or will: the replay's position is not
                // moved past it on its own, so a record the live side has not parked yet is parked after the
                // switch-over rather than never (parking one twice is the lesser harm).
            }
        }
        if (!events.isEmpty()) {
            engine.project(events, generation);
        }
        return records.count();
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }

    private static long total(
            KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> beginning) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream()
                .mapToLong(p -> ends.get(p) - beginning.getOrDefault(p, 0L))
                .sum();
    }

    private void report(int target, Instant started, long done, long total) {
        double seconds =
                Math.max(0.001, Duration.between(started, clock.instant()).toMillis() / 1000.0);
        double rate = done / seconds;
        Long left = rate > 0 ? (long) Math.ceil((total - done) / rate) : null;
        progress.set(new Progress(State.RUNNING, target, done, total, rate, left, started, null, null));
    }

    private KafkaConsumer<String, byte[]> consumer(int target) {
        Properties config = new Properties();
        config.putAll(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId() + "-replay-g" + target);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void drop(Generation generation) {
        engine.collections(generation).forEach(mongo::dropCollection);
    }

    /** Dropping a generation that is not live is cleanup: a failure is logged, never fatal. */
    private void dropQuietly(Generation generation) {
        try {
            drop(generation);
        } catch (RuntimeException e) {
            log.warn("Could not drop view generation {}: {}", generation.number(), e.getMessage());
        }
    }
}
