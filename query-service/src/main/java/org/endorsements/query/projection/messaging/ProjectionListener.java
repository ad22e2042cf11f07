package org.endorsements.query.projection.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.query.log.LogProjector;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.projection.ProjectionAdvanced;
import org.endorsements.query.projection.ProjectionOutcome;
import org.endorsements.query.projection.ProjectionProperties;
import org.endorsements.query.projection.Projector;
import org.endorsements.query.projection.StatementsChanged;
import org.endorsements.query.projection.ViewStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware;

/**
 * Feeds the topic to the projector in batches. The position of the views is the one stored with them in MongoDB,
 * not the consumer group's: on assignment the consumer seeks there (offset 0 for an empty store), and a batch that
 * starts beyond it (the store was emptied under us, e.g. the embedded server restarted) seeks back and rebuilds.
 */
public class ProjectionListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);
    private static final Duration LAG_REFRESH = Duration.ofSeconds(1);

    private final Projector projector;
    private final LogProjector logProjector;
    private final ViewStore store;
    private final KafkaTemplate<String, byte[]> deadLetters;
    private final ProjectionProperties properties;
    private final ApplicationEventPublisher publisher;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter gaps;
    private final Counter poison;
    private final AtomicLong lag = new AtomicLong();
    private volatile Instant lagMeasuredAt = Instant.EPOCH;
    /** Set while a batch is written and left set when it failed (it will be retried): its writes are partial. */
    private volatile boolean batchUnfinished;

    public ProjectionListener(Projector projector, LogProjector logProjector, ViewStore store, KafkaTemplate<String, byte[]> deadLetters,
            ProjectionProperties properties, MeterRegistry meters, ApplicationEventPublisher events) {
        this.publisher = events;
        this.projector = projector;
        this.logProjector = logProjector;
        this.store = store;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.applied = meters.counter("endorsements.projection.events", "outcome", "applied");
        this.duplicates = meters.counter("endorsements.projection.events", "outcome", "duplicate");
        this.gaps = meters.counter("endorsements.projection.gaps");
        this.poison = meters.counter("endorsements.projection.dead-lettered");
        Gauge.builder("endorsements.projection.lag", lag, AtomicLong::get)
                .description("Events on the topic not yet in the views").register(meters);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        Map<Integer, Long> positions = store.positions();
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

    @KafkaListener(id = "projection", topics = "${endorsements.projection.topic}",
            groupId = "${endorsements.projection.group-id}", batch = "true")
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
        java.util.Optional<Map<Integer, Long>> storedPositions = store.positionsIfIntact();
        if (storedPositions.isEmpty()) {
            log.warn("The view store holds no views of this projection (new, or its data was lost, e.g. the "
                    + "in-memory server restarted): clearing it and projecting every partition from the beginning");
            store.resetAfterLoss();
            consumer.seekToBeginning(consumer.assignment());
            return;
        }
        Map<Integer, Long> positions = storedPositions.get();
        Set<Integer> rewound = new HashSet<>();
        List<ProjectedEvent> events = new ArrayList<>(records.size());
        Set<Integer> partitionsWithEvents = new HashSet<>();
        Map<Integer, Long> skippedPoison = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            int partition = record.partition();
            if (rewound.contains(partition)) {
                continue;
            }
            long stored = positions.getOrDefault(partition, 0L);
            if (record.offset() > stored && !partitionsWithEvents.contains(partition)
                    && !skippedPoison.containsKey(partition)) {
                log.warn("Views are behind the consumer on partition {} (stored {}, got {}): rebuilding from there",
                        partition, stored, record.offset());
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
                deadLetter(record, e.getMessage());
                skippedPoison.put(partition, record.offset() + 1);
            }
        }
        // The logs first: the view projector stores the batch's position last.
        logProjector.project(events);
        ProjectionOutcome outcome = projector.project(events);
        if (!skippedPoison.isEmpty()) {
            store.write(List.of(), List.of(), List.of(), List.of(), List.of(), skippedPoisonPositions(events,
                    skippedPoison));
        }
        if (!outcome.statementsChanged().isEmpty()) {
            publisher.publishEvent(new StatementsChanged(outcome.statementsChanged()));
        }
        publisher.publishEvent(new ProjectionAdvanced(events.stream().map(ProjectedEvent::aggregateType)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet())));
        applied.increment(outcome.applied());
        duplicates.increment(outcome.duplicates());
        gaps.increment(outcome.gaps());
        refreshLag(consumer);
    }

    /** A partition whose last record was poison: its position must still move past it. */
    private static Map<Integer, Long> skippedPoisonPositions(List<ProjectedEvent> events, Map<Integer, Long> poison) {
        Map<Integer, Long> positions = new HashMap<>();
        poison.forEach((partition, next) -> {
            long lastGood = events.stream().filter(e -> e.partition() == partition)
                    .mapToLong(e -> e.offset() + 1).max().orElse(-1);
            if (next > lastGood) {
                positions.put(partition, next);
            }
        });
        return positions;
    }

    static ProjectedEvent decode(ConsumerRecord<String, byte[]> record) {
        String type = header(record, EventMessageFormat.HEADER_TYPE);
        String id = header(record, EventMessageFormat.HEADER_ID);
        String subject = header(record, EventMessageFormat.HEADER_SUBJECT);
        String sequence = header(record, EventMessageFormat.HEADER_SEQUENCE);
        String time = header(record, EventMessageFormat.HEADER_TIME);
        if (type == null || id == null || subject == null || sequence == null || time == null
                || record.value() == null) {
            throw new EventMessageFormat.UnreadableEventException("required CloudEvents attributes are missing");
        }
        EndorsementEvent event = EventMessageFormat.decode(type, record.value());
        try {
            return new ProjectedEvent(id, type, header(record, EventMessageFormat.HEADER_AGGREGATE_TYPE), subject,
                    Long.parseLong(sequence), Instant.parse(time), record.partition(), record.offset(), event,
                    record.value());
        } catch (RuntimeException e) {
            throw new EventMessageFormat.UnreadableEventException("malformed attribute: " + e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        log.error("Unreadable record at {}-{}@{} parked in {}: {}", record.topic(), record.partition(),
                record.offset(), properties.deadLetterTopic(), reason);
        ProducerRecord<String, byte[]> parked = new ProducerRecord<>(properties.deadLetterTopic(), null,
                record.key(), record.value(), record.headers());
        parked.headers().add("dlt_reason", reason.getBytes(StandardCharsets.UTF_8));
        parked.headers().add("dlt_origin", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(parked).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking a record", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not park an unreadable record; the batch will be retried", e);
        }
        poison.increment();
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
