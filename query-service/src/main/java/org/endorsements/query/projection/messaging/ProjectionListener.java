package org.endorsements.query.projection.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.endorsements.events.DataKeys;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.query.projection.EngineStore;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.projection.ProjectionAdvanced;
import org.endorsements.query.projection.ProjectionEngine;
import org.endorsements.query.projection.ProjectionOutcome;
import org.endorsements.query.projection.ProjectionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Feeds the topic to the engine in batches. The position of the views is the one stored with them in MongoDB,
 * not the consumer group's: on assignment the consumer seeks there (offset 0 for an empty store), and a batch that
 * starts beyond it (the store was emptied under us, e.g. the embedded server restarted) seeks back and rebuilds.
 */
public class ProjectionListener implements ConsumerSeekAware {

    /** The live projection's container (see the consumer-group settings in ProjectionConfiguration). */
    static final String LISTENER_ID = "projection";

    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);
    private static final Duration LAG_REFRESH = Duration.ofSeconds(1);
    private static final EventSchemas SCHEMAS = new EventSchemas();

    private final ProjectionEngine engine;
    private final DataKeys keys;
    private final EngineStore store;
    private final LiveGeneration live;
    private final ProjectionProperties properties;
    private final ApplicationEventPublisher publisher;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter poison;
    private final AtomicLong lag = new AtomicLong();
    private volatile Instant lagMeasuredAt = Instant.EPOCH;
    /** The partitions assigned to this instance's live projection. */
    private final Set<Integer> projected = ConcurrentHashMap.newKeySet();
    /** Set while a batch is written and left set when it failed (it will be retried): its writes are partial. */
    private volatile boolean batchUnfinished;

    public ProjectionListener(
            ProjectionEngine engine,
            EngineStore store,
            LiveGeneration live,
            ProjectionProperties properties,
            MeterRegistry meters,
            ApplicationEventPublisher events,
            DataKeys keys) {
        this.publisher = events;
        this.engine = engine;
        this.keys = keys;
        this.store = store;
        this.live = live;
        this.properties = properties;
        this.applied = meters.counter("endorsements.projection.events", "outcome", "applied");
        this.duplicates = meters.counter("endorsements.projection.events", "outcome", "duplicate");
        this.poison = meters.counter("endorsements.projection.dead-lettered");
        Gauge.builder("endorsements.projection.lag", lag, AtomicLong::get)
                .description("Events on the topic not yet in the views")
                .register(meters);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        assignments.keySet().forEach(p -> projected.add(p.partition()));
        Map<Integer, Long> positions = store.positions(live.current());
        for (TopicPartition partition : assignments.keySet()) {
            Long next = positions.get(partition.partition());
            if (next == null) {
                log.info("No stored position for {}: projecting it from the beginning", partition);
                callback.seekToBeginning(partition.topic(), partition.partition());
            } else {
                callback.seek(partition.topic(), partition.partition(), next);
            }
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> projected.remove(p.partition()));
    }

    /** The partitions this instance's live projection holds now. */
    Set<Integer> projectedPartitions() {
        return Set.copyOf(projected);
    }

    /** Whether this instance's live projection holds the partition now (it announces that partition's batches). */
    boolean projects(int partition) {
        return projected.contains(partition);
    }

    @KafkaListener(
            id = LISTENER_ID,
            topics = "${endorsements.projection.topic}",
            groupId = "${endorsements.projection.group-id}",
            batch = "true")
    public void onBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        batchUnfinished = true;
        project(records, consumer);
        batchUnfinished = false;
    }

    /**
     * True while a batch is being written, and after one failed until its retry succeeds: the views and the audit
     * trail may then hold part of a batch.
     */
    boolean batchUnfinished() {
        return batchUnfinished;
    }

    /** After a replay's switch-over: the batch that failed belonged to the dropped generation. */
    void forgetUnfinishedBatch() {
        batchUnfinished = false;
    }

    private void project(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        Generation generation = live.current();
        java.util.Optional<Map<Integer, Long>> storedPositions = store.positionsIfIntact(generation);
        if (storedPositions.isEmpty()) {
            log.warn("The view store holds no views of this projection (new, written by an earlier version, or its "
                    + "data was lost, e.g. the in-memory server restarted): clearing it and projecting every partition "
                    + "from the beginning");
            engine.resetAfterLoss(generation);
            consumer.seekToBeginning(consumer.assignment());
            return;
        }
        Map<Integer, Long> positions = storedPositions.get();
        Set<Integer> rewound = new HashSet<>();
        List<ProjectedEvent> events = new ArrayList<>(records.size());
        Set<Integer> partitionsWithEvents = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            int partition = record.partition();
            if (rewound.contains(partition)) {
                continue;
            }
            long stored = positions.getOrDefault(partition, 0L);
            if (record.offset() > stored && !partitionsWithEvents.contains(partition)) {
                log.warn(
                        "Views are behind the consumer on partition {} (stored {}, got {}): rebuilding from there",
                        partition,
                        stored,
                        record.offset());
                consumer.seek(new TopicPartition(record.topic(), partition), stored);
                rewound.add(partition);
                continue;
            }
            if (record.offset() < stored) {
                continue;
            }
            try {
                events.add(decode(record));
                partitionsWithEvents.add(partition);
            } catch (EventMessageFormat.UnreadableEventException | IllegalArgumentException e) {
                // The records before it are projected; the container's error handler parks this one in the
                // dead-letter topic (then parked() moves the position past it) and redelivers the rest.
                projectDecoded(events, generation, consumer);
                throw new BatchListenerFailedException(
                        "unprojectable record", new UnprojectableRecordException(e.getMessage()), record);
            }
        }
        projectDecoded(events, generation, consumer);
    }

    private void projectDecoded(List<ProjectedEvent> events, Generation generation, Consumer<?, ?> consumer) {
        ProjectionOutcome outcome = engine.project(events, generation);
        publisher.publishEvent(new ProjectionAdvanced(outcome.applied()));
        applied.increment(outcome.applied().size());
        duplicates.increment(outcome.duplicates());
        batchUnfinished = false;
        refreshLag(consumer);
    }

    /**
     * Called once a record that cannot be projected is in the dead-letter topic: the stored position moves past
     * it, or the next batch (which starts after it) would find the views behind and seek back to it.
     */
    void parked(ConsumerRecord<?, ?> record) {
        long next = record.offset() + 1;
        Generation generation = live.current();
        Long stored = store.positions(generation).get(record.partition());
        if (stored == null || stored < next) {
            store.write(generation, Map.of(), Map.of(record.partition(), next));
        }
        poison.increment();
        log.error(
                "Unprojectable record at {}-{}@{} parked in {}",
                record.topic(),
                record.partition(),
                record.offset(),
                properties.deadLetterTopic());
    }

    /**
     * The record as the projections see it: checked against its schema as it came, then with its sealed personal
     * fields opened (null when the organization's key was destroyed). The opened value is what the audit trail
     * keeps: the view store is a cache of readable data; the data keys themselves are never stored.
     *
     * @throws DataKeys.DataKeysUnavailableException when a key cannot be obtained now: the batch fails and is
     *     retried, never skipped
     */
    ProjectedEvent decode(ConsumerRecord<String, byte[]> record) {
        return decode(record, true);
    }

    /** For announcing events another instance projected (and validated) only. */
    ProjectedEvent decodeWithoutSchema(ConsumerRecord<String, byte[]> record) {
        return decode(record, false);
    }

    private ProjectedEvent decode(ConsumerRecord<String, byte[]> record, boolean validate) {
        String type = header(record, EventMessageFormat.HEADER_TYPE);
        String id = header(record, EventMessageFormat.HEADER_ID);
        String subject = header(record, EventMessageFormat.HEADER_SUBJECT);
        String sequence = header(record, EventMessageFormat.HEADER_SEQUENCE);
        String time = header(record, EventMessageFormat.HEADER_TIME);
        if (type == null
                || id == null
                || subject == null
                || sequence == null
                || time == null
                || record.value() == null) {
            throw new EventMessageFormat.UnreadableEventException("required CloudEvents attributes are missing");
        }
        java.util.Optional<String> violations =
                validate ? SCHEMAS.violations(type, record.value()) : java.util.Optional.empty();
        if (violations.isPresent()) {
            throw new EventMessageFormat.UnreadableEventException(violations.get());
        }
        EventMessageFormat.Opened opened = EventMessageFormat.open(type, record.value(), keys);
        EndorsementEvent event = EventMessageFormat.decode(type, opened.value());
        if (event instanceof org.endorsements.events.OrganizationPersonalDataErased erasure) {
            keys.erased(erasure.organizationId());
        }
        try {
            return new ProjectedEvent(
                    id,
                    type,
                    header(record, EventMessageFormat.HEADER_AGGREGATE_TYPE),
                    subject,
                    Long.parseLong(sequence),
                    Instant.parse(time),
                    record.partition(),
                    record.offset(),
                    event,
                    opened.value());
        } catch (RuntimeException e) {
            throw new EventMessageFormat.UnreadableEventException("malformed attribute: " + e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** With no records arriving, the lag is measured on the container's idle events instead. */
    @EventListener
    public void onIdle(ListenerContainerIdleEvent idle) {
        if (idle.getConsumer() != null) {
            lagMeasuredAt = Instant.EPOCH;
            refreshLag(idle.getConsumer());
        }
    }

    private void refreshLag(Consumer<?, ?> consumer) {
        Instant now = Instant.now();
        if (now.isBefore(lagMeasuredAt.plus(LAG_REFRESH))) {
            return;
        }
        lagMeasuredAt = now;
        Set<TopicPartition> assignment = consumer.assignment();
        Map<TopicPartition, Long> ends = consumer.endOffsets(assignment);
        long total = 0;
        for (TopicPartition partition : assignment) {
            total += Math.max(0, ends.getOrDefault(partition, 0L) - consumer.position(partition));
        }
        lag.set(total);
    }
}
