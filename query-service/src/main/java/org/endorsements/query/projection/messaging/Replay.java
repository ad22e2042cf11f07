package org.endorsements.query.projection.messaging;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.projection.ProjectionEngine;
import org.endorsements.query.projection.ProjectionProperties;
import org.endorsements.query.projection.persistence.ActiveGeneration;
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
            SimpleAsyncTaskExecutor executor) {
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

    /** Starts a replay in the background; false when one is already running. */
    public synchronized boolean start() {
        if (progress.get().state() == State.RUNNING) {
            return false;
        }
        int target = active.current().number() + 1;
        Instant started = clock.instant();
        progress.set(new Progress(State.RUNNING, target, 0, 0, 0, null, started, null, null));
        executor.execute(() -> run(target, started));
        return true;
    }

    private void run(int target, Instant started) {
        Generation fresh = new Generation(target);
        boolean switched = false;
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
                        Generation old = active.current();
                        active.switchTo(fresh);
                        switched = true;
                        // A batch that failed before the stop will not be retried: the new generation is past it.
                        listener.forgetUnfinishedBatch();
                        dropQuietly(old);
                    } finally {
                        if (live != null) {
                            live.start();
                        }
                    }
                } finally {
                    switchOver.unlock();
                }
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
