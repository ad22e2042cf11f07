package org.endorsements.query.projection.messaging;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.endorsements.query.projection.EngineStore;
import org.endorsements.query.projection.InstancesProperties;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.projection.ProjectionAdvanced;
import org.endorsements.query.projection.ProjectionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Tells this instance about the batches the other instances project. The live projection's partitions are split
 * across the consumer group, so without it a dashboard connected here would never hear of a signature on another
 * instance's partition, a read-your-writes wait here would time out, and caches here would keep a stale join.
 *
 * <p>A consumer of its own, in no group (it commits nothing and takes no partition from anyone), follows every
 * partition from its end at start and keeps each event until the views include it: until the position stored with
 * the live generation has passed its offset (whoever wrote it). Then it publishes {@link ProjectionAdvanced} with
 * those events, as the projection does after its own batches; events of the partitions this instance projects
 * itself are left out, their listeners having heard them already. Every listener of that event only reads again
 * what changed, so hearing an event twice (a partition that moved during a rebalance) costs a read, nothing more.
 * The events are decoded but not validated again: the projection validates what it writes, and an event that is
 * never written (parked) is never announced since the position moves past it only once it is parked.
 */
class OtherInstancesWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OtherInstancesWatcher.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    /** How often the stored positions are read while events wait for them. */
    private static final Duration PENDING_POLL = Duration.ofMillis(50);

    private static final Duration FIND_PARTITIONS = Duration.ofSeconds(10);

    private final ProjectionProperties projection;
    private final InstancesProperties properties;
    private final KafkaProperties kafka;
    private final EngineStore store;
    private final LiveGeneration live;
    private final ProjectionListener listener;
    private final ApplicationEventPublisher publisher;
    private final Deque<ProjectedEvent> pending = new ArrayDeque<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    OtherInstancesWatcher(
            ProjectionProperties projection,
            InstancesProperties properties,
            KafkaProperties kafka,
            EngineStore store,
            LiveGeneration live,
            ProjectionListener listener,
            ApplicationEventPublisher publisher) {
        this.projection = projection;
        this.properties = properties;
        this.kafka = kafka;
        this.store = store;
        this.live = live;
        this.listener = listener;
        this.publisher = publisher;
    }

    @Override
    public void start() {
        if (!properties.watchOthers()) {
            return;
        }
        Properties config = new Properties();
        config.putAll(kafka.buildConsumerProperties());
        // No group: nothing committed, no partition taken from the live projection's group, no static member name.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        // Usually at once, so that what is written once this instance has started is heard; a topic that does not
        // exist yet (a fresh platform whose command service creates it) is looked for again on the thread.
        try {
            follow();
        } catch (RuntimeException e) {
            log.warn("Could not find the partitions of {} yet ({}); trying again", projection.topic(), e.toString());
        }
        thread = new Thread(this::run, "other-instances-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Assigns every partition of the topic, from its end; false while the topic has none. */
    private boolean follow() {
        List<TopicPartition> partitions = consumer.partitionsFor(projection.topic(), FIND_PARTITIONS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        if (partitions.isEmpty()) {
            return false;
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolved now, not at the first poll: what is written from here on is heard.
        partitions.forEach(consumer::position);
        log.info(
                "Following the {} partitions of {} for the other instances' batches",
                partitions.size(),
                projection.topic());
        return true;
    }

    private void run() {
        try {
            while (running && consumer.assignment().isEmpty()) {
                boolean found;
                try {
                    found = follow();
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException brokerNotYetReachable) {
                    found = false;
                }
                if (!found) {
                    // A retry interval, not a wait for something of ours: the topic is created by another service.
                    Thread.sleep(IDLE_POLL.toMillis());
                }
            }
            while (running) {
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(pending.isEmpty() ? IDLE_POLL : PENDING_POLL)) {
                    hold(record);
                }
                if (!pending.isEmpty()) {
                    announceWritten();
                }
            }
        } catch (WakeupException | org.apache.kafka.common.errors.InterruptException stopping) {
            // stop() woke the poll
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Stopped following the other instances' batches", e);
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private void hold(ConsumerRecord<String, byte[]> record) {
        try {
            pending.addLast(listener.decodeWithoutSchema(record));
        } catch (RuntimeException unreadable) {
            return; // parked by the projection; nothing will be written for it
        }
        if (pending.size() > properties.maxPending()) {
            pending.removeFirst();
        }
    }

    /** Publishes, in topic order per partition, the held events the views now include. */
    private void announceWritten() {
        Map<Integer, Long> positions;
        try {
            positions = store.positions(live.current());
        } catch (RuntimeException e) {
            log.warn("Could not read the views' positions ({}); the events wait", e.toString());
            return;
        }
        List<ProjectedEvent> written = new ArrayList<>();
        pending.removeIf(event -> {
            if (event.offset() >= positions.getOrDefault(event.partition(), 0L)) {
                return false;
            }
            if (!listener.projects(event.partition())) {
                written.add(event);
            }
            return true;
        });
        if (!written.isEmpty()) {
            publisher.publishEvent(new ProjectionAdvanced(written));
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
