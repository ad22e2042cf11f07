package org.endorsements.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyTokenKey;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.query.projection.consistency.ConsistencyGate;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.TopicWriter;
import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectionIntegrationTest extends QueryStackSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH = "d".repeat(64);
    private static final String OPENING = "ef".repeat(32);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LiveGeneration views;

    @Autowired
    ConsistencyGate gate;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

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

    private String endorse(String organization, long sequence) {
        return endorse(UUID.randomUUID().toString(), organization, sequence);
    }

    private String endorse(String eventId, String organization, long sequence) {
        return topic.send(
                eventId,
                new EndorsementAdded(
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
                        null),
                "Endorsement",
                statement + ":" + organization,
                sequence);
    }

    private void withdraw(String organization, long sequence) {
        topic.send(
                new EndorsementWithdrawn(
                        StatementId.of(statement),
                        OrganizationId.of(organization),
                        null,
                        Instant.now(),
                        "credential:c1",
                        "req"),
                "Endorsement",
                statement + ":" + organization,
                sequence);
    }

    private record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

    private Reply get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()), response);
    }

    private long count() throws Exception {
        Reply reply = get("/api/statements/" + statement);
        return reply.status() == 200 ? reply.body().path("endorsementCount").asLong() : -1;
    }

    @Test
    void endorsementsOnTheTopicShowInTheReadApi() throws Exception {
        endorse("provea", 0);
        endorse("codhez", 0);
        withdraw("codhez", 1);

        await().atMost(WAIT)
                .until(() -> count() == 1
                        && get("/api/statements/" + statement)
                                        .body()
                                        .path("withdrawals")
                                        .asLong()
                                == 1);
        JsonNode list = get("/api/statements/" + statement + "/endorsements").body();
        assertThat(list.path("totalItems").asLong()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("organizationId").asText()).isEqualTo("provea");
        assertThat(list.path("items").get(0).path("signerOpening").asText()).isEqualTo(OPENING);
    }

    @Test
    void aDuplicatedRecordNeverDoublesACount() throws Exception {
        String eventId = endorse("provea", 0);
        endorse(eventId, "provea", 0);
        endorse("codhez", 0);

        // The statement's records are on one partition, in order: once the last one is in, the duplicate was read.
        // Read at its position, the answer includes every view of its batch (the list alone can be ahead of the
        // statement's counts, which the same batch writes next).
        String afterLast = token("Endorsement", statement + ":codhez", 0);
        await().atMost(WAIT)
                .until(() -> get("/api/statements/" + statement + "?minPosition=" + afterLast)
                                .status()
                        == 200);
        JsonNode counts = get("/api/statements/" + statement + "?minPosition=" + afterLast)
                .body();
        assertThat(counts.path("endorsementCount").asLong()).isEqualTo(2);
        assertThat(counts.path("totalEndorsementsAdded").asLong()).isEqualTo(2);
    }

    @Test
    void aPoisonMessageIsParkedAndTheProjectionContinues() throws Exception {
        topic.sendRaw(new ProducerRecord<>(TOPIC, statement, "{not json".getBytes(StandardCharsets.UTF_8)));
        endorse("provea", 0);

        await().atMost(WAIT).until(() -> count() == 1);
        List<ConsumerRecord<String, byte[]>> parked = readAll(DEAD_LETTERS);
        assertThat(parked).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(statement);
            assertThat(r.headers().lastHeader("dlt_reason")).isNotNull();
        });
    }

    @Test
    void aReadWithMinPositionWaitsForTheWrite() throws Exception {
        String token = token("Endorsement", statement + ":provea", 0);
        int waitingBefore = gate.waitingReads();
        CompletableFuture<Reply> read = CompletableFuture.supplyAsync(() -> {
            try {
                return get("/api/statements/" + statement + "/endorsements?minPosition=" + token);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Written only once the read is waiting for it.
        await().atMost(WAIT).until(() -> gate.waitingReads() > waitingBefore);
        endorse("provea", 0);

        Reply reply = read.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aReadWithAPositionNotYetReachedAnswers503WithRetryAfter() throws Exception {
        Reply reply = get("/api/statements/" + statement + "?minPosition=" + token("Statement", statement, 7));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.raw().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(reply.body().path("type").asText()).isEqualTo("urn:endorsements:problem:not-yet-consistent");
    }

    @Test
    void signatoriesAsOfAnInstantComeFromTheAuditTrail() throws Exception {
        endorse("provea", 0);
        await().atMost(WAIT).until(() -> count() == 1);
        Instant between = Instant.now();
        Thread.sleep(20);
        withdraw("provea", 1);
        endorse("codhez", 0);
        await().atMost(WAIT)
                .until(() -> count() == 1
                        && get("/api/statements/" + statement)
                                        .body()
                                        .path("withdrawals")
                                        .asLong()
                                == 1);

        JsonNode then = JSON.readTree(new org.endorsements.query.support.ReadClient(port)
                .get("/api/statements/" + statement + "/endorsements?asOf=" + between, AUDITOR_KEY)
                .text());
        JsonNode now = get("/api/statements/" + statement + "/endorsements").body();

        assertThat(then.path("items").get(0).path("organizationId").asText()).isEqualTo("provea");
        assertThat(then.path("totalItems").asLong()).isEqualTo(1);
        assertThat(now.path("items").get(0).path("organizationId").asText()).isEqualTo("codhez");
    }

    @Test
    void viewsEmptiedUnderTheProjectionAreRebuiltFromTheTopic() throws Exception {
        endorse("provea", 0);
        endorse("codhez", 0);
        await().atMost(WAIT).until(() -> count() == 2);

        for (String collection : List.of(
                "statements",
                "endorsements",
                "audit",
                "growth",
                "growth_totals",
                "organizations",
                "positions",
                "aggregates")) {
            mongo.dropCollection(views.current().collection(collection));
        }
        endorse("cofavic", 0);

        await().atMost(WAIT).until(() -> count() == 3);
    }

    @Test
    void aSkippedSequenceNumberIsDetectedAndCounted() throws Exception {
        double before = meters.get("endorsements.projection.gaps").counter().count();
        endorse("provea", 0);
        endorse("provea", 2);

        await().atMost(WAIT)
                .until(() ->
                        meters.get("endorsements.projection.gaps").counter().count() > before);
        assertThat(mongo.findById(
                                statement + ":provea",
                                org.bson.Document.class,
                                views.current().collection("endorsements"))
                        .get("gaps", Number.class)
                        .longValue())
                .isEqualTo(1);
    }

    @Test
    void badQueryParametersGetProblemDetails() throws Exception {
        Reply asOf = get("/api/statements/" + statement + "/endorsements?asOf=yesterday");
        Reply size = get("/api/statements/" + statement + "/endorsements?size=100000");
        Reply missing = get("/api/statements/no-such-statement");

        assertThat(asOf.status()).isEqualTo(400);
        assertThat(asOf.body().path("type").asText()).isEqualTo("urn:endorsements:problem:invalid-as-of");
        assertThat(size.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static String token(String type, String aggregateId, long sequence) {
        return ConsistencyTokenKey.fromConfiguration(null, ADMIN_KEY)
                .sign(AggregateType.fromWireName(type).orElseThrow(), aggregateId, sequence)
                .encode();
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topicName) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topicName));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    static {
        // The type name is part of the documented contract this test writes by hand.
        assertThat(EventMessageFormat.typeOf(EndorsementAdded.class)).isEqualTo("org.endorsements.EndorsementAdded.v2");
    }
}
