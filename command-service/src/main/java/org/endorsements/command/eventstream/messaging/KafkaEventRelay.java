package org.endorsements.command.eventstream.messaging;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.endorsements.command.eventstream.EventStreamProperties;
import org.endorsements.command.organization.CredentialIssued;
import org.endorsements.command.organization.CredentialRevoked;
import org.endorsements.command.organization.SigningKeyFingerprintPinned;
import org.endorsements.command.personaldata.DataKeyStore;
import org.endorsements.command.shared.messaging.AcknowledgedBatch;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EventMessageFormat;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Relays every public event from the event store (our outbox) to Kafka. Runs in a tracking processor: sends of one
 * batch go out asynchronously, and the batch only commits (advancing the processor's token) once the broker has
 * acknowledged every one of them. A failure rolls the batch back and the processor retries it, so the topic gets
 * each event at least once; consumers de-duplicate by event id and aggregate sequence.
 */
@Component
@ProcessingGroup(KafkaEventRelay.PROCESSING_GROUP)
public class KafkaEventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";

    private final AcknowledgedBatch batch;
    private final EventStreamProperties properties;
    private final DataKeyStore keys;

    KafkaEventRelay(KafkaTemplate<String, byte[]> kafka, EventStreamProperties properties, DataKeyStore keys) {
        this.batch = new AcknowledgedBatch(kafka, KafkaEventRelay.class);
        this.properties = properties;
        this.keys = keys;
    }

    @EventHandler
    void on(EndorsementEvent event, DomainEventMessage<?> message) {
        batch.send(toRecord(event, message));
    }

    /**
     * Credential events are stored in their private form (with the key hash the command side authenticates by) and
     * published in their public one, under the stored event's id and sequence: auditors see who issued each key an
     * endorsement names. Credential events stored before this relay published them are not on the topic.
     */
    @EventHandler
    void on(CredentialIssued event, DomainEventMessage<?> message) {
        batch.send(toRecord(event.publicForm(), message));
    }

    @EventHandler
    void on(CredentialRevoked event, DomainEventMessage<?> message) {
        batch.send(toRecord(event.publicForm(), message));
    }

    /**
     * A pin is stored in the command side's form and published in its public one, like credential events: pins
     * stored before it was published are not on the topic (the organization's key history then starts without them,
     * and no commitment covers them: see KeyHistoryCommitment in TOPIC.md).
     */
    @EventHandler
    void on(SigningKeyFingerprintPinned event, DomainEventMessage<?> message) {
        batch.send(toRecord(event.publicForm(), message));
    }

    ProducerRecord<String, byte[]> toRecord(EndorsementEvent event, DomainEventMessage<?> message) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, EventMessageFormat.HEADER_SPEC_VERSION, EventMessageFormat.SPEC_VERSION);
        header(headers, EventMessageFormat.HEADER_ID, message.getIdentifier());
        header(headers, EventMessageFormat.HEADER_TYPE, EventMessageFormat.typeOf(event.getClass()));
        header(headers, EventMessageFormat.HEADER_SOURCE, EventMessageFormat.SOURCE);
        header(headers, EventMessageFormat.HEADER_SUBJECT, message.getAggregateIdentifier());
        header(headers, EventMessageFormat.HEADER_TIME, DateTimeFormatter.ISO_INSTANT.format(message.getTimestamp()));
        header(headers, EventMessageFormat.HEADER_DATA_SCHEMA, EventMessageFormat.schemaOf(event.getClass()));
        header(headers, EventMessageFormat.HEADER_SEQUENCE, Long.toString(message.getSequenceNumber()));
        header(
                headers,
                EventMessageFormat.HEADER_AGGREGATE_TYPE,
                AggregateWireNames.of(message.getType()).wireName());
        header(headers, EventMessageFormat.HEADER_CONTENT_TYPE, EventMessageFormat.CONTENT_TYPE);
        return new ProducerRecord<>(
                properties.topic(),
                null,
                event.streamKey(),
                // Sealed again (a fresh nonce): the topic, like the event store, never carries personal fields in
                // plain.
                EventMessageFormat.encodeSealed(event, keys::sealingKeyUnlessErased),
                headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
