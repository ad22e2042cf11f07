package org.endorsements.query.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.testsupport.TestStack;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes events to the topic exactly as the documented message format says (events/TOPIC.md), standing in for
 * the command side's relay; the query service must not depend on command-service code.
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaTemplate<String, byte[]> kafka;
    private final DefaultKafkaProducerFactory<String, byte[]> factory;
    private final String topic;

    public TopicWriter(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(factory);
        this.topic = topic;
    }

    /** Sends the event and returns its event id. */
    public String send(EndorsementEvent event, String aggregateType, String aggregateId, long sequence) {
        return send(UUID.randomUUID().toString(), event, aggregateType, aggregateId, sequence);
    }

    public String send(
            String eventId, EndorsementEvent event, String aggregateType, String aggregateId, long sequence) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventMessageFormat.HEADER_SPEC_VERSION, "1.0");
        add(headers, EventMessageFormat.HEADER_ID, eventId);
        add(headers, EventMessageFormat.HEADER_TYPE, EventMessageFormat.typeOf(event.getClass()));
        add(headers, EventMessageFormat.HEADER_SOURCE, EventMessageFormat.SOURCE);
        add(headers, EventMessageFormat.HEADER_SUBJECT, aggregateId);
        add(headers, EventMessageFormat.HEADER_TIME, Instant.now().toString());
        add(headers, EventMessageFormat.HEADER_SEQUENCE, Long.toString(sequence));
        add(headers, EventMessageFormat.HEADER_AGGREGATE_TYPE, aggregateType);
        add(headers, EventMessageFormat.HEADER_CONTENT_TYPE, "application/json");
        sendRaw(new ProducerRecord<>(
                topic,
                null,
                event.streamKey(),
                EventMessageFormat.encodeSealed(event, id -> TestDataKeys.KEY),
                headers));
        return eventId;
    }

    public void sendRaw(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        factory.destroy();
    }
}
