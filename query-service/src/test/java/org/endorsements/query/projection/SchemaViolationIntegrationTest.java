package org.endorsements.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.TestDataKeys;
import org.endorsements.query.support.TopicWriter;
import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Records that parse as JSON but break the event schema of their CloudEvents type: each is parked in the
 * dead-letter topic with a reason, and the valid event after it (same key, same partition) is projected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchemaViolationIntegrationTest extends QueryStackSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH = "d".repeat(64);
    private static final String OPENING = "ef".repeat(32);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ENDORSEMENT_ADDED = EventMessageFormat.typeOf(EndorsementAdded.class);

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private TopicWriter topic;
    private String statement;

    @BeforeEach
    void setUp() {
        topic = new TopicWriter(TOPIC);
        statement = "stmt-" + UUID.randomUUID().toString().substring(0, 8);
        topic.send(
                new StatementPublished(
                        StatementId.of(statement), "Title", "Body", "en", HASH, Instant.now(), "admin", null, null),
                "Statement",
                statement,
                0);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void anEmptyObjectIsParkedAndTheNextEventIsProjected() throws Exception {
        sendRaw(ENDORSEMENT_ADDED, "{}");
        endorse("provea");

        assertProjectedAfterParking("required property 'actor' not found");
    }

    @Test
    void aFieldOfTheWrongTypeIsParkedAndTheNextEventIsProjected() throws Exception {
        ObjectNode value = validEndorsement("codhez");
        value.put("organizationName", 123);
        sendRaw(ENDORSEMENT_ADDED, value.toString());
        endorse("provea");

        assertProjectedAfterParking("organizationName");
    }

    @Test
    void aMissingRequiredFieldIsParkedAndTheNextEventIsProjected() throws Exception {
        ObjectNode value = validEndorsement("codhez");
        value.remove("signerOpening");
        sendRaw(ENDORSEMENT_ADDED, value.toString());
        endorse("provea");

        assertProjectedAfterParking("signerOpening");
    }

    @Test
    void anUnknownEventTypeIsParkedAndTheNextEventIsProjected() throws Exception {
        sendRaw(
                "org.endorsements.EndorsementForged.v1",
                validEndorsement("codhez").toString());
        endorse("provea");

        assertProjectedAfterParking("unknown event type org.endorsements.EndorsementForged.v1");
    }

    @Test
    void anUnknownOptionalFieldIsIgnoredAsTheContractSays() throws Exception {
        ObjectNode value = validEndorsement("provea");
        value.put("addedInALaterRelease", "ignored");
        sendRaw(ENDORSEMENT_ADDED, value.toString());

        await().atMost(WAIT).until(() -> count() == 1);
        assertThat(parked()).isEmpty();
    }

    private void assertProjectedAfterParking(String reasonContains) throws Exception {
        await().atMost(WAIT).until(() -> count() == 1);
        ConsumerRecord<String, byte[]> record =
                await().atMost(WAIT).until(this::parked, Optional::isPresent).orElseThrow();
        assertThat(header(record, "dlt_reason")).contains(reasonContains);
        assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(header(record, "kafka_dlt-original-offset")).isNotNull();
        JsonNode organizations =
                get("/api/statements/" + statement + "/endorsements").path("items");
        assertThat(organizations)
                .extracting(n -> n.path("organizationId").asText())
                .containsExactly("provea");
    }

    private ObjectNode validEndorsement(String organization) {
        return (ObjectNode)
                readTree(EventMessageFormat.encodeSealed(endorsement(organization), id -> TestDataKeys.KEY));
    }

    private static JsonNode readTree(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private EndorsementAdded endorsement(String organization) {
        return new EndorsementAdded(
                StatementId.of(statement),
                OrganizationId.of(organization),
                "Org " + organization,
                HASH,
                Instant.now(),
                "credential:c1",
                EndorsementSource.API,
                "req",
                OPENING,
                null,
                EndorsementVisibility.DEFAULT,
                null,
                null,
                null);
    }

    private void endorse(String organization) {
        topic.send(endorsement(organization), "Endorsement", statement + ":" + organization, 0);
    }

    /** A record with valid CloudEvents headers (a fresh subject, sequence 0) and the given value. */
    private void sendRaw(String ceType, String value) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EventMessageFormat.HEADER_SPEC_VERSION, "1.0");
        add(headers, EventMessageFormat.HEADER_ID, UUID.randomUUID().toString());
        add(headers, EventMessageFormat.HEADER_TYPE, ceType);
        add(headers, EventMessageFormat.HEADER_SOURCE, EventMessageFormat.SOURCE);
        add(headers, EventMessageFormat.HEADER_SUBJECT, statement + ":codhez");
        add(headers, EventMessageFormat.HEADER_TIME, Instant.now().toString());
        add(headers, EventMessageFormat.HEADER_SEQUENCE, "0");
        add(headers, EventMessageFormat.HEADER_AGGREGATE_TYPE, "Endorsement");
        add(headers, EventMessageFormat.HEADER_CONTENT_TYPE, "application/json");
        topic.sendRaw(new ProducerRecord<>(TOPIC, null, statement, value.getBytes(StandardCharsets.UTF_8), headers));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createObjectNode();
    }

    private long count() throws Exception {
        return get("/api/statements/" + statement).path("endorsementCount").asLong(-1);
    }

    /** This test's record in the dead-letter topic, if there is one yet. */
    private Optional<ConsumerRecord<String, byte[]>> parked() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records.stream().filter(r -> statement.equals(r.key())).findFirst();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
