package org.endorsements.command.eventstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.endorsements.command.personaldata.DataKeyStore;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.endorsements.events.CredentialDigest;
import org.endorsements.events.Ed25519;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.Sealed;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyId;
import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class EventStreamIntegrationTest extends TestStackSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataKeyStore dataKeys;

    private Api api;
    private KafkaConsumer<String, byte[]> topic;
    private List<TopicPartition> partitions;
    /** What {@link #topic} has read so far, from the beginning of every partition. */
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        topic = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        partitions = topic.partitionsFor(TOPIC).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition()))
                .toList();
        topic.assign(partitions);
        topic.seekToBeginning(partitions);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    @Test
    void anEndorsementArrivesOnTheTopicInTheDocumentedFormat() throws Exception {
        Api.Response org = api.registerOrganization("Acceso a la Justicia");
        String statementId = api.publishStatement();
        String organizationId = org.text("organizationId");
        Api.Response endorsed = api.send(
                "PUT", "/api/statements/" + statementId + "/endorsements/" + organizationId, org.text("apiKey"), null);
        assertThat(endorsed.status()).isEqualTo(201);

        ConsumerRecord<String, byte[]> record =
                awaitRecord(statementId + ":" + organizationId, "org.endorsements.EndorsementAdded.v2");

        assertThat(record.key()).isEqualTo(statementId);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_source")).isEqualTo(EventMessageFormat.SOURCE);
        assertThat(header(record, "ce_sequence")).isEqualTo("0");
        assertThat(header(record, "ce_aggregatetype")).isEqualTo("Endorsement");
        assertThat(header(record, "ce_dataschema")).isEqualTo("urn:endorsements:schema:EndorsementAdded.v2");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(Instant.parse(header(record, "ce_time")))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        JsonNode payload = JSON.readTree(record.value());
        assertThat(schemaErrors("EndorsementAdded.v2.json", payload)).isEmpty();
        assertThat(payload.path("source").asText()).isEqualTo("api");
        // Sealed with the organization's data key, bound to this event type and field (events/TOPIC.md).
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("Acceso a la Justicia");
        OrganizationId organization = OrganizationId.of(organizationId);
        assertThat(Sealed.of(payload.path("organizationName").asText())
                        .open(
                                dataKeys.find(organization).orElseThrow(),
                                Sealed.aad(organization, "EndorsementAdded", "organizationName")))
                .isEqualTo("Acceso a la Justicia");
    }

    @Test
    void everyPublicEventTypeMatchesItsSchema() throws Exception {
        Api.Response org = api.registerOrganization("Provea");
        String statementId = api.publishStatement();
        String path = "/api/statements/" + statementId + "/endorsements/" + org.text("organizationId");
        Api.Response translation = api.send(
                "POST",
                "/api/statements/" + statementId + "/translations",
                ADMIN_KEY,
                "{\"language\":\"es\",\"title\":\"Título\",\"body\":\"Texto\",\"translator\":\"Ana Pérez\"}");
        assertThat(translation.status()).isEqualTo(201);
        api.send("PUT", path, org.text("apiKey"), "{\"contentHash\":\"" + translation.text("contentHash") + "\"}");
        api.send(
                "POST",
                "/api/statements/" + statementId + "/amendments",
                ADMIN_KEY,
                "{\"title\":\"Title\",\"body\":\"Amended text\"}");
        assertThat(api.send("PUT", path, org.text("apiKey"), null).status()).isEqualTo(201);
        api.send("DELETE", path, org.text("apiKey"), "{\"reason\":\"changed our mind\"}");
        // Before the credential issue below, which replaces the key the organization was handed.
        api.send(
                "PUT",
                "/api/organizations/" + org.text("organizationId") + "/profile",
                org.text("apiKey"),
                "{\"country\":\"VE\",\"kind\":\"NGO\"}");
        Api.Response rotated =
                api.send("POST", "/api/organizations/" + org.text("organizationId") + "/credentials", ADMIN_KEY, null);
        // A first key the organization certifies itself (an admin recovery needs a key to recover), registered with
        // the key the admin rotated to.
        String keyPath = "/api/organizations/" + org.text("organizationId") + "/signing-keys/k1";
        java.security.KeyPair keys =
                java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String publicKey = Ed25519.encode(keys.getPublic());
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String nonce = UUID.randomUUID().toString().replace("-", "");
        java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(SignedMessages.keyCertification(
                OrganizationId.of(org.text("organizationId")),
                SigningKeyId.of("k1"),
                publicKey,
                SigningKeyId.of("k1"),
                at,
                nonce));
        assertThat(api.send(
                                "PUT",
                                keyPath,
                                rotated.text("apiKey"),
                                "{\"publicKey\":\"" + publicKey + "\",\"certification\":{\"signerKeyId\":\"k1\","
                                        + "\"signedAt\":\"" + SignedMessages.formatTime(at)
                                        + "\",\"nonce\":\"" + nonce + "\",\"value\":\""
                                        + java.util.Base64.getEncoder().encodeToString(signer.sign()) + "\"}}")
                        .status())
                .isEqualTo(201);
        api.send("DELETE", keyPath, ADMIN_KEY, "{\"reason\":\"replaced\"}");
        Api.Response second = api.registerOrganization("Cofavic");
        String secondPath = "/api/statements/" + statementId + "/endorsements/" + second.text("organizationId");
        api.send("PUT", secondPath, second.text("apiKey"), null);
        api.send(
                "POST",
                secondPath + "/invalidation",
                ADMIN_KEY,
                "{\"category\":\"forged\",\"reason\":\"never signed\"}");
        api.send("POST", secondPath + "/reinstatement", ADMIN_KEY, "{}");
        Api.Response third = api.registerOrganization("Fundaredes");
        String thirdPath = "/api/statements/" + statementId + "/endorsements/" + third.text("organizationId");
        api.send("PUT", thirdPath, third.text("apiKey"), null);
        api.send("POST", thirdPath + "/invalidation", ADMIN_KEY, "{\"category\":\"forged\",\"reason\":\"disputed\"}");
        api.send("DELETE", thirdPath, third.text("apiKey"), "{\"reason\":\"we never signed it\"}");
        api.send(
                "PUT",
                "/api/statements/" + statementId + "/targets",
                ADMIN_KEY,
                "{\"signatureGoal\":1,\"closesAt\":null}");
        api.send("POST", "/api/statements/" + statementId + "/close", ADMIN_KEY, null);
        api.send("POST", "/api/organizations/" + org.text("organizationId") + "/suspend", ADMIN_KEY, "{}");

        Map<String, String> schemas = java.util.stream.Stream.of(
                        "SigningKeyRegistered",
                        "SigningKeyRevoked",
                        "SigningKeyPinned",
                        "ApiCredentialIssued",
                        "ApiCredentialRevoked",
                        "OrganizationRegistered",
                        "OrganizationSuspended",
                        "OrganizationProfileUpdated",
                        "StatementPublished",
                        "StatementTranslationAdded",
                        "StatementAmended",
                        "StatementClosed",
                        "EndorsementAdded",
                        "EndorsementReconfirmed",
                        "EndorsementWithdrawn",
                        "StatementTargetsSet",
                        "StatementGoalReached",
                        "EndorsementInvalidated",
                        "EndorsementReinstated",
                        "InvalidatedEndorsementWithdrawn",
                        "EndorsementVisibilityChanged",
                        "OrganizationHidden")
                .map(EventStreamIntegrationTest::typeNamed)
                .collect(java.util.stream.Collectors.toMap(
                        EventMessageFormat::typeOf,
                        type -> EventMessageFormat.schemaOf(type).substring("urn:endorsements:schema:".length())
                                + ".json"));
        awaitRecord(org.text("organizationId"), "org.endorsements.OrganizationSuspended.v1");
        // Recorded by the command side on its own, shortly after the endorsement that reached the goal.
        awaitRecord(statementId, "org.endorsements.StatementGoalReached.v1");
        List<ConsumerRecord<String, byte[]>> all = readAll();
        Set<String> seen = new java.util.HashSet<>();
        for (ConsumerRecord<String, byte[]> record : all) {
            String type = header(record, "ce_type");
            assertThat(schemas).containsKey(type);
            assertThat(schemaErrors(schemas.get(type), JSON.readTree(record.value())))
                    .as("%s at offset %d", type, record.offset())
                    .isEmpty();
            seen.add(type);
        }
        // Visibility changes, hides and pins are produced by tests of their own; every other type by this one.
        assertThat(seen)
                .containsAll(schemas.keySet().stream()
                        .filter(type -> !type.contains("VisibilityChanged")
                                && !type.contains("OrganizationHidden")
                                && !type.contains("SigningKeyPinned"))
                        .toList());
    }

    @Test
    void credentialEventsArePublishedNamingWhoIssuedEachKeyAndNeverTheKey() throws Exception {
        Api.Response org = api.registerOrganization("Codhez");
        String organizationId = org.text("organizationId");
        Api.Response rotated =
                api.send("POST", "/api/organizations/" + organizationId + "/credentials", org.text("apiKey"), null);
        Api.Response byAdmin =
                api.send("POST", "/api/organizations/" + organizationId + "/credentials", ADMIN_KEY, null);
        api.send("POST", "/api/organizations/" + organizationId + "/suspend", ADMIN_KEY, null);
        // The relay handles the store in order and its sends of one organization share a partition: once the
        // suspension is on the topic, so is everything the relay did with the credential events before it.
        awaitRecord(organizationId, "org.endorsements.OrganizationSuspended.v1");

        List<ConsumerRecord<String, byte[]>> forOrganization =
                readAll().stream().filter(r -> organizationId.equals(r.key())).toList();
        assertThat(forOrganization)
                .extracting(r -> header(r, "ce_type"))
                .containsExactly(
                        "org.endorsements.OrganizationRegistered.v2",
                        "org.endorsements.ApiCredentialIssued.v1",
                        "org.endorsements.ApiCredentialRevoked.v1",
                        "org.endorsements.ApiCredentialIssued.v1",
                        "org.endorsements.ApiCredentialRevoked.v1",
                        "org.endorsements.ApiCredentialIssued.v1",
                        "org.endorsements.OrganizationSuspended.v1");
        // With no private events left out, the organization's sequence has no holes.
        assertThat(forOrganization)
                .extracting(r -> header(r, "ce_sequence"))
                .containsExactly("0", "1", "2", "3", "4", "5", "6");
        List<JsonNode> issues = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : forOrganization) {
            if (header(r, "ce_type").endsWith("ApiCredentialIssued.v1")) {
                issues.add(JSON.readTree(r.value()));
            }
        }
        assertThat(issues)
                .extracting(
                        i -> i.path("credentialId").asText(),
                        i -> i.path("issuedBy").asText(),
                        i -> i.path("assurance").asText())
                .containsExactly(
                        tuple(org.text("credentialId"), "admin", "organization-credential"),
                        tuple(
                                rotated.text("credentialId"),
                                "credential:" + org.text("credentialId"),
                                "organization-credential"),
                        tuple(byAdmin.text("credentialId"), "admin", "admin-issued-credential"));
        assertThat(issues.get(2).path("keyDigest").asText())
                .isEqualTo(CredentialDigest.keyHashOf(byAdmin.text("apiKey")));
        for (String key : List.of(org.text("apiKey"), rotated.text("apiKey"), byAdmin.text("apiKey"))) {
            assertThat(forOrganization)
                    .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                            .doesNotContain(key));
        }
    }

    @Test
    void theEventStoreKeepsPayloadsAsByteaWithAGaplessGlobalIndex() {
        api.publishStatement();
        api.publishStatement();
        String payloadType = jdbc.sql("SELECT data_type FROM information_schema.columns "
                        + "WHERE table_name = 'domainevententry' AND column_name = 'payload'")
                .query(String.class)
                .single();
        assertThat(payloadType).isEqualTo("bytea");
        Long increment = jdbc.sql("SELECT increment_by FROM pg_sequences "
                        + "WHERE sequencename = 'domainevententry_globalindex_seq'")
                .query(Long.class)
                .single();
        assertThat(increment).isEqualTo(1L);
    }

    private static Class<? extends EndorsementEvent> typeNamed(String name) {
        try {
            return Class.forName("org.endorsements.events." + name).asSubclass(EndorsementEvent.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private static List<ValidationMessage> schemaErrors(String schemaFile, JsonNode payload) throws Exception {
        try (InputStream in = EventMessageFormat.class.getResourceAsStream("/schemas/" + schemaFile)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
            return new ArrayList<>(schema.validate(payload));
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The first record of this subject and type, read from the topic as it arrives. */
    private ConsumerRecord<String, byte[]> awaitRecord(String subject, String type) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            for (; seen < records.size(); seen++) {
                ConsumerRecord<String, byte[]> record = records.get(seen);
                if (subject.equals(header(record, "ce_subject")) && type.equals(header(record, "ce_type"))) {
                    return record;
                }
            }
            topic.poll(POLL).forEach(records::add);
        }
        throw new AssertionError("no " + type + " for " + subject + " on the topic within " + WAIT);
    }

    /**
     * Every record on the topic up to its end as it is now: read until each partition's position reaches the end
     * offset taken first, rather than until polls come back empty after some wait.
     */
    private List<ConsumerRecord<String, byte[]>> readAll() {
        Map<TopicPartition, Long> end = topic.endOffsets(partitions);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (partitions.stream().anyMatch(p -> topic.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the topic could not be read to its end within " + WAIT);
            }
            topic.poll(POLL).forEach(records::add);
        }
        return records;
    }
}
