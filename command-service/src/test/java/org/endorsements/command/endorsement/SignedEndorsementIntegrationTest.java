package org.endorsements.command.endorsement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.endorsements.events.Ed25519;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.KeyHistoryCommitment;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.StatementId;
import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signed endorsements through the whole service, as an organization's own client makes them: key registration,
 * signed requests over HTTP, the PostgreSQL registry and the events on the topic.
 */
@IntegrationTest
class SignedEndorsementIntegrationTest extends TestStackSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api api;
    private KafkaConsumer<String, byte[]> topic;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        topic = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = topic.partitionsFor(TOPIC).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition()))
                .toList();
        topic.assign(partitions);
        topic.seekToBeginning(partitions);
    }

    @AfterEach
    void tearDown() {
        topic.close();
    }

    private static String sign(KeyPair keys, byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(message);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Registers an organization and rotates the key it was handed over, as an organization does before registering
     * its first signing key; the answer names the organization and its new key, as a registration does.
     */
    private Api.Response organizationHoldingAKeyTheAdminNeverHeld(String name) {
        Api.Response registered = api.registerOrganization(name);
        Api.Response rotated = api.send(
                "POST",
                "/api/organizations/" + registered.text("organizationId") + "/credentials",
                registered.text("apiKey"),
                null);
        assertThat(rotated.status()).isEqualTo(201);
        return rotated;
    }

    @Test
    void aFirstKeyRegisteredWithTheKeyTheAdminHandedOverIsRefusedAndRecordsNothing() throws Exception {
        Api.Response org = api.registerOrganization("Hasty organization");
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String publicKey = Ed25519.encode(keys.getPublic());
        Instant at = now();
        String nonce = nonce();
        String organizationId = org.text("organizationId");
        byte[] message = SignedMessages.keyCertification(
                OrganizationId.of(organizationId), SigningKeyId.of("k1"), publicKey, SigningKeyId.of("k1"), at, nonce);

        Api.Response refused = api.send(
                "PUT",
                "/api/organizations/" + organizationId + "/signing-keys/k1",
                org.text("apiKey"),
                "{\"publicKey\":\"" + publicKey + "\",\"certification\":{\"signerKeyId\":\"k1\",\"signedAt\":\""
                        + SignedMessages.formatTime(at) + "\",\"nonce\":\"" + nonce + "\",\"value\":\""
                        + sign(keys, message) + "\"}}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:endorsements:problem:rotate-credential-first");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM signing_key WHERE organization_id = ?")
                        .param(organizationId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** The admin pins the fingerprint the organization published for its first key. */
    private void pin(String organizationId, KeyPair keys) {
        Api.Response pinned = api.send(
                "PUT",
                "/api/organizations/" + organizationId + "/signing-key-pin",
                ADMIN_KEY,
                "{\"fingerprint\":\"" + Ed25519.fingerprint(Ed25519.encode(keys.getPublic()))
                        + "\",\"source\":\"https://example.org/keys\"}");
        assertThat(pinned.status()).as(pinned.body().toString()).isEqualTo(201);
    }

    /** The request that registers {@code keys} as the organization's first key, certified by itself. */
    private Api.Response sendFirstKey(String organizationId, String apiKey, KeyPair keys) throws Exception {
        String publicKey = Ed25519.encode(keys.getPublic());
        Instant at = now();
        String nonce = nonce();
        byte[] message = SignedMessages.keyCertification(
                OrganizationId.of(organizationId), SigningKeyId.of("k1"), publicKey, SigningKeyId.of("k1"), at, nonce);
        return api.send(
                "PUT",
                "/api/organizations/" + organizationId + "/signing-keys/k1",
                apiKey,
                "{\"publicKey\":\"" + publicKey + "\",\"certification\":{\"signerKeyId\":\"k1\",\"signedAt\":\""
                        + SignedMessages.formatTime(at) + "\",\"nonce\":\"" + nonce + "\",\"value\":\""
                        + sign(keys, message) + "\"}}");
    }

    private long eventsOf(String aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(aggregateId)
                .query(Long.class)
                .single();
    }

    /** Registers the organization's first key, pinned by the admin, certified by itself, with its own API key. */
    private KeyPair registerFirstKey(String organizationId, String apiKey) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        pin(organizationId, keys);
        String publicKey = Ed25519.encode(keys.getPublic());
        Instant at = now();
        String nonce = nonce();
        byte[] message = SignedMessages.keyCertification(
                OrganizationId.of(organizationId), SigningKeyId.of("k1"), publicKey, SigningKeyId.of("k1"), at, nonce);
        Api.Response registered = api.send(
                "PUT",
                "/api/organizations/" + organizationId + "/signing-keys/k1",
                apiKey,
                "{\"publicKey\":\"" + publicKey + "\",\"certification\":{\"signerKeyId\":\"k1\",\"signedAt\":\""
                        + SignedMessages.formatTime(at) + "\",\"nonce\":\"" + nonce + "\",\"value\":\""
                        + sign(keys, message) + "\"}}");
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return keys;
    }

    private static String signedBody(
            KeyPair keys,
            SignedMessages.Action action,
            String statementId,
            String contentHash,
            String organizationId,
            Instant at)
            throws Exception {
        return signedBody(keys, "k1", action, statementId, contentHash, organizationId, at);
    }

    /**
     * A signed request's body: an endorsement signs the version 2 message (asking to be public), a withdrawal the
     * version 1 message, which is its current one.
     */
    private static String signedBody(
            KeyPair keys,
            String keyId,
            SignedMessages.Action action,
            String statementId,
            String contentHash,
            String organizationId,
            Instant at)
            throws Exception {
        String nonce = nonce();
        boolean endorse = action == SignedMessages.Action.ENDORSE;
        byte[] message = endorse
                ? SignedMessages.endorsement(
                        StatementId.of(statementId),
                        contentHash,
                        OrganizationId.of(organizationId),
                        EndorsementVisibility.PUBLIC,
                        at,
                        nonce)
                : SignedMessages.action(
                        action, StatementId.of(statementId), contentHash, OrganizationId.of(organizationId), at, nonce);
        return "{\"signature\":{\"keyId\":\"" + keyId + "\",\"contentHash\":\"" + contentHash
                + "\",\"signedAt\":\"" + SignedMessages.formatTime(at) + "\",\"nonce\":\"" + nonce + "\",\"value\":\""
                + sign(keys, message) + (endorse ? "\",\"visibility\":\"public" : "") + "\"}}";
    }

    /** The body of a version 2 signed endorsement: the signature names the visibility the message names. */
    private static String signedCountedBody(
            KeyPair keys, String statementId, String contentHash, String organizationId, String requestVisibility)
            throws Exception {
        String nonce = nonce();
        Instant at = now();
        byte[] message = SignedMessages.endorsement(
                StatementId.of(statementId),
                contentHash,
                OrganizationId.of(organizationId),
                EndorsementVisibility.COUNTED,
                at,
                nonce);
        return "{" + (requestVisibility == null ? "" : "\"visibility\":\"" + requestVisibility + "\",")
                + "\"signature\":{\"keyId\":\"k1\",\"contentHash\":\"" + contentHash + "\",\"signedAt\":\""
                + SignedMessages.formatTime(at) + "\",\"nonce\":\"" + nonce + "\",\"value\":\"" + sign(keys, message)
                + "\",\"visibility\":\"counted\"}}";
    }

    @Test
    void aSignatureThatAsksToBeCountedIsRecordedCountedAndRefusedUnderARequestForPublic() throws Exception {
        Api.Response org = organizationHoldingAKeyTheAdminNeverHeld("Counted signing organization");
        String organizationId = org.text("organizationId");
        String statementId = api.publishStatement();
        KeyPair keys = registerFirstKey(organizationId, org.text("apiKey"));
        String hash = hashOf(statementId);
        String path = "/api/statements/" + statementId + "/endorsements/" + organizationId;

        Api.Response asPublic = api.send(
                "PUT", path, org.text("apiKey"), signedCountedBody(keys, statementId, hash, organizationId, "public"));
        Api.Response counted = api.send(
                "PUT", path, org.text("apiKey"), signedCountedBody(keys, statementId, hash, organizationId, null));

        assertThat(asPublic.status()).as(asPublic.body().toString()).isEqualTo(400);
        assertThat(asPublic.body().toString()).contains("visibility-differs-from-signature");
        assertThat(counted.status()).as(counted.body().toString()).isEqualTo(201);
        JsonNode event = awaitEvent(statementId + ":" + organizationId, "EndorsementAdded");
        assertThat(event.path("visibility").asText()).isEqualTo("counted");
        assertThat(event.path("signature").path("visibility").asText()).isEqualTo("counted");
    }

    /** Publishes a statement with {@code signaturePolicy: required}; returns {statementId, contentHash}. */
    private Api.Response publishStatementRequiringSignatures() {
        String id = "stmt-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response published = api.send(
                "POST",
                "/api/statements",
                ADMIN_KEY,
                "{\"statementId\":\"" + id + "\",\"title\":\"Signed only\",\"body\":\"We agree.\","
                        + "\"language\":\"en\",\"signaturePolicy\":\"required\"}");
        assertThat(published.status()).isEqualTo(201);
        return published;
    }

    @Test
    void anOrganizationSignsWithItsOwnKeyAndTheTopicSaysOrganizationKey() throws Exception {
        Api.Response org = organizationHoldingAKeyTheAdminNeverHeld("Signing organization");
        String organizationId = org.text("organizationId");
        String statementId = api.publishStatement();
        KeyPair keys = registerFirstKey(organizationId, org.text("apiKey"));
        String hash = hashOf(statementId);
        String path = "/api/statements/" + statementId + "/endorsements/" + organizationId;
        String body = signedBody(keys, SignedMessages.Action.ENDORSE, statementId, hash, organizationId, now());

        Api.Response endorsed = api.send("PUT", path, org.text("apiKey"), body);

        assertThat(endorsed.status()).as(endorsed.body().toString()).isEqualTo(201);
        JsonNode event = awaitEvent(statementId + ":" + organizationId, "EndorsementAdded");
        assertThat(event.path("assurance").asText()).isEqualTo("organization-key");
        assertThat(event.path("signature").path("keyId").asText()).isEqualTo("k1");
        JsonNode key = awaitEvent(organizationId, "SigningKeyRegistered");
        assertThat(key.path("assurance").asText()).isEqualTo("organization-key");
    }

    /**
     * The commitment an endorsement records is the chain over its organization's key history exactly as the topic
     * carries it, in the organization's order: the credentials issued and revoked, the admin's pin (now published)
     * and the first key.
     */
    @Test
    void anEndorsementRecordsTheChainOverTheOrganizationsKeyHistoryOnTheTopicPinIncluded() throws Exception {
        Api.Response org = organizationHoldingAKeyTheAdminNeverHeld("Committed organization");
        String organizationId = org.text("organizationId");
        String statementId = api.publishStatement();
        KeyPair keys = registerFirstKey(organizationId, org.text("apiKey"));
        String path = "/api/statements/" + statementId + "/endorsements/" + organizationId;

        Api.Response endorsed = api.send(
                "PUT",
                path,
                org.text("apiKey"),
                signedBody(
                        keys, SignedMessages.Action.ENDORSE, statementId, hashOf(statementId), organizationId, now()));

        assertThat(endorsed.status()).as(endorsed.body().toString()).isEqualTo(201);
        JsonNode event = awaitEvent(statementId + ":" + organizationId, "EndorsementAdded");
        JsonNode pin = awaitEvent(organizationId, "SigningKeyPinned");
        assertThat(pin.path("fingerprint").asText()).isEqualTo(Ed25519.fingerprint(Ed25519.encode(keys.getPublic())));
        assertThat(pin.path("source").asText()).isEqualTo("https://example.org/keys");
        assertThat(pin.path("pinnedBy").asText()).isEqualTo("admin");
        awaitEvent(organizationId, "SigningKeyRegistered");
        List<EndorsementEvent> history = records.stream()
                .filter(r -> organizationId.equals(header(r, EventMessageFormat.HEADER_SUBJECT)))
                .sorted(Comparator.comparingLong(r -> Long.parseLong(header(r, EventMessageFormat.HEADER_SEQUENCE))))
                .map(r -> EventMessageFormat.decode(header(r, EventMessageFormat.HEADER_TYPE), r.value()))
                .filter(KeyHistoryCommitment::isEntry)
                .toList();
        KeyHistoryCommitment expected = KeyHistoryCommitment.of(history);

        assertThat(history).hasSize(5);
        assertThat(event.path("keyHistory").path("length").asInt()).isEqualTo(5);
        assertThat(event.path("keyHistory").path("digest").asText()).isEqualTo(expected.digest());
    }

    /**
     * The admin's copy of the handed-over key, rotated "as the organization", meets the fingerprint the organization
     * published: a first key of the admin's own is a 409 naming the pinned fingerprint, and nothing is recorded.
     */
    @Test
    void aFirstKeyThatIsNotThePinnedOneIsA409AndRecordsNothing() throws Exception {
        Api.Response org = organizationHoldingAKeyTheAdminNeverHeld("Pinned organization");
        String organizationId = org.text("organizationId");
        KeyPair published = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        pin(organizationId, published);
        long before = eventsOf(organizationId);

        Api.Response refused = sendFirstKey(
                organizationId,
                org.text("apiKey"),
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:endorsements:problem:signing-key-fingerprint-mismatch");
        assertThat(refused.text("pinnedFingerprint"))
                .isEqualTo(Ed25519.fingerprint(Ed25519.encode(published.getPublic())));
        assertThat(eventsOf(organizationId)).isEqualTo(before);
    }

    @Test
    void aFirstKeyRegisteredWithNoPinReadsOrganizationCredentialOnTheTopic() throws Exception {
        Api.Response org = organizationHoldingAKeyTheAdminNeverHeld("Unpinned organization");
        String organizationId = org.text("organizationId");

        Api.Response registered = sendFirstKey(
                organizationId,
                org.text("apiKey"),
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair());

        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        JsonNode key = awaitEvent(organizationId, "SigningKeyRegistered");
        assertThat(key.path("assurance").asText()).isEqualTo("organization-credential");
    }

    /** A recovery next to the organization's live key would let the admin sign for it at will. */
    @Test
    void anAdminRecoveryWhileTheOrganizationHoldsACurrentKeyIsA409AndRecordsNothing() throws Exception {
        Api.Response org = organizationHoldingAKeyTheAdminNeverHeld("Live organization");
        String organizationId = org.text("organizationId");
        registerFirstKey(organizationId, org.text("apiKey"));
        long before = eventsOf(organizationId);

        Api.Response refused = api.send(
                "PUT",
                "/api/organizations/" + organizationId + "/signing-keys/k2",
                ADMIN_KEY,
                "{\"publicKey\":\""
                        + Ed25519.encode(KeyPairGenerator.getInstance("Ed25519")
                                .generateKeyPair()
                                .getPublic())
                        + "\",\"recoveryReason\":\"says it lost its keys\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:endorsements:problem:organization-has-current-key");
        assertThat(eventsOf(organizationId)).isEqualTo(before);
    }

    /** A signed request on an endorsement already current is verified before it is answered, as a new one is. */
    @Test
    void aBadSignatureOnAnEndorsementAlreadyCurrentIsA400AndRecordsNothing() throws Exception {
        Api.Response org = organizationHoldingAKeyTheAdminNeverHeld("Current organization");
        String organizationId = org.text("organizationId");
        String statementId = api.publishStatement();
        KeyPair keys = registerFirstKey(organizationId, org.text("apiKey"));
        String path = "/api/statements/" + statementId + "/endorsements/" + organizationId;
        assertThat(api.send("PUT", path, org.text("apiKey"), null).status()).isEqualTo(201);
        long before = eventsOf(statementId + ":" + organizationId);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        Api.Response forged = api.send(
                "PUT",
                path,
                org.text("apiKey"),
                signedBody(
                        other, SignedMessages.Action.ENDORSE, statementId, hashOf(statementId), organizationId, now()));
        Api.Response genuine = api.send(
                "PUT",
                path,
                org.text("apiKey"),
                signedBody(
                        keys, SignedMessages.Action.ENDORSE, statementId, hashOf(statementId), organizationId, now()));

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.text("type")).isEqualTo("urn:endorsements:problem:bad-signature");
        assertThat(genuine.status()).as(genuine.body().toString()).isEqualTo(200);
        assertThat(eventsOf(statementId + ":" + organizationId)).isEqualTo(before);
    }

    @Test
    void aReplayedSignedRequestIsA409AndRecordsNothing() throws Exception {
        Api.Response org = organizationHoldingAKeyTheAdminNeverHeld("Replayed organization");
        String organizationId = org.text("organizationId");
        String statementId = api.publishStatement();
        KeyPair keys = registerFirstKey(organizationId, org.text("apiKey"));
        String path = "/api/statements/" + statementId + "/endorsements/" + organizationId;
        String endorse = signedBody(
                keys, SignedMessages.Action.ENDORSE, statementId, hashOf(statementId), organizationId, now());
        assertThat(api.send("PUT", path, org.text("apiKey"), endorse).status()).isEqualTo(201);
        String withdraw = signedBody(
                keys, SignedMessages.Action.WITHDRAW, statementId, hashOf(statementId), organizationId, now());
        assertThat(api.send("DELETE", path, org.text("apiKey"), withdraw).status())
                .isEqualTo(200);

        Api.Response replayed = api.send("PUT", path, org.text("apiKey"), endorse);

        assertThat(replayed.status()).isEqualTo(409);
        assertThat(replayed.text("type")).isEqualTo("urn:endorsements:problem:replayed-signature");
    }

    @Test
    void aSignatureOverAnotherTextIsA409NamingTheCurrentHash() throws Exception {
        Api.Response org = organizationHoldingAKeyTheAdminNeverHeld("Stale organization");
        String organizationId = org.text("organizationId");
        String statementId = api.publishStatement();
        KeyPair keys = registerFirstKey(organizationId, org.text("apiKey"));
        String stale = "0".repeat(64);

        Api.Response refused = api.send(
                "PUT",
                "/api/statements/" + statementId + "/endorsements/" + organizationId,
                org.text("apiKey"),
                signedBody(keys, SignedMessages.Action.ENDORSE, statementId, stale, organizationId, now()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:endorsements:problem:stale-content-hash");
        assertThat(refused.text("currentContentHash")).isEqualTo(hashOf(statementId));
    }

    @Test
    void aStatementThatRequiresSignaturesRefusesAnUnsignedEndorsementAndTakesASignedOne() throws Exception {
        Api.Response org = organizationHoldingAKeyTheAdminNeverHeld("Required organization");
        String organizationId = org.text("organizationId");
        Api.Response statement = publishStatementRequiringSignatures();
        String statementId = statement.text("statementId");
        String hash = statement.text("contentHash");
        KeyPair keys = registerFirstKey(organizationId, org.text("apiKey"));
        String path = "/api/statements/" + statementId + "/endorsements/" + organizationId;

        Api.Response unsigned = api.send("PUT", path, org.text("apiKey"), null);
        Api.Response signed = api.send(
                "PUT",
                path,
                org.text("apiKey"),
                signedBody(keys, SignedMessages.Action.ENDORSE, statementId, hash, organizationId, now()));

        assertThat(unsigned.status()).isEqualTo(422);
        assertThat(unsigned.text("type")).isEqualTo("urn:endorsements:problem:signature-required");
        assertThat(signed.status()).isEqualTo(201);
    }

    @Test
    void anEndorsementWithAKeyTheAdminRotatedReadsAdminIssuedCredentialOnTheTopic() {
        Api.Response org = api.registerOrganization("Rotated organization");
        String organizationId = org.text("organizationId");
        String statementId = api.publishStatement();
        Api.Response rotated =
                api.send("POST", "/api/organizations/" + organizationId + "/credentials", ADMIN_KEY, null);
        assertThat(rotated.status()).isEqualTo(201);

        Api.Response endorsed = api.send(
                "PUT",
                "/api/statements/" + statementId + "/endorsements/" + organizationId,
                rotated.text("apiKey"),
                null);

        assertThat(endorsed.status()).isEqualTo(201);
        JsonNode event = awaitEvent(statementId + ":" + organizationId, "EndorsementAdded");
        assertThat(event.path("assurance").asText()).isEqualTo("admin-issued-credential");
        assertThat(event.path("signature").isNull()).isTrue();
    }

    /**
     * An admin who registers a key for an organization (a recovery) holds its private half: what it signs reads
     * admin-issued-credential, and the key's registration names the admin and the reason, on the topic.
     */
    @Test
    void aKeyAnAdminRegisteredSignsAsAdminIssuedCredentialAndItsRegistrationSaysWhoAndWhy() throws Exception {
        Api.Response org = organizationHoldingAKeyTheAdminNeverHeld("Recovered organization");
        String organizationId = org.text("organizationId");
        registerFirstKey(organizationId, org.text("apiKey"));
        assertThat(api.send(
                                "DELETE",
                                "/api/organizations/" + organizationId + "/signing-keys/k1",
                                org.text("apiKey"),
                                "{\"reason\":\"laptop seized\"}")
                        .status())
                .isEqualTo(200);
        String statementId = api.publishStatement();
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Api.Response recovered = api.send(
                "PUT",
                "/api/organizations/" + organizationId + "/signing-keys/k2",
                ADMIN_KEY,
                "{\"publicKey\":\"" + Ed25519.encode(keys.getPublic())
                        + "\",\"recoveryReason\":\"lost its laptop, confirmed by phone\"}");
        assertThat(recovered.status()).isEqualTo(201);
        String path = "/api/statements/" + statementId + "/endorsements/" + organizationId;

        Api.Response endorsed = api.send(
                "PUT",
                path,
                org.text("apiKey"),
                signedBody(
                        keys,
                        "k2",
                        SignedMessages.Action.ENDORSE,
                        statementId,
                        hashOf(statementId),
                        organizationId,
                        now()));

        assertThat(endorsed.status()).as(endorsed.body().toString()).isEqualTo(201);
        JsonNode key = awaitEvent(
                organizationId,
                "SigningKeyRegistered",
                event -> event.path("keyId").asText().equals("k2"));
        assertThat(key.path("registeredBy").asText()).isEqualTo("admin");
        assertThat(key.path("recoveryReason").asText()).isEqualTo("lost its laptop, confirmed by phone");
        assertThat(key.path("assurance").asText()).isEqualTo("admin-issued-credential");
        JsonNode event = awaitEvent(statementId + ":" + organizationId, "EndorsementAdded");
        assertThat(event.path("assurance").asText()).isEqualTo("admin-issued-credential");
        assertThat(event.path("signature").path("keyId").asText()).isEqualTo("k2");
    }

    @Test
    void anAdminRecoveryForAnOrganizationThatNeverHadAKeyIsA409AndRecordsNothing() throws Exception {
        Api.Response org = organizationHoldingAKeyTheAdminNeverHeld("Keyless organization");
        String organizationId = org.text("organizationId");
        long before = eventsOf(organizationId);

        Api.Response refused = api.send(
                "PUT",
                "/api/organizations/" + organizationId + "/signing-keys/k1",
                ADMIN_KEY,
                "{\"publicKey\":\""
                        + Ed25519.encode(KeyPairGenerator.getInstance("Ed25519")
                                .generateKeyPair()
                                .getPublic())
                        + "\",\"recoveryReason\":\"says it lost its keys\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:endorsements:problem:no-key-to-recover");
        assertThat(eventsOf(organizationId)).isEqualTo(before);
    }

    @Test
    void anEndorsementWithTheRegistrationKeyReadsOrganizationCredentialOnTheTopic() {
        Api.Response org = api.registerOrganization("Plain organization");
        String organizationId = org.text("organizationId");
        String statementId = api.publishStatement();

        api.send("PUT", "/api/statements/" + statementId + "/endorsements/" + organizationId, org.text("apiKey"), null);

        JsonNode event = awaitEvent(statementId + ":" + organizationId, "EndorsementAdded");
        assertThat(event.path("assurance").asText()).isEqualTo("organization-credential");
    }

    /** The content hash of a statement, as its StatementPublished event on the topic carries it. */
    private String hashOf(String statementId) {
        return awaitEvent(statementId, "StatementPublished").path("contentHash").asText();
    }

    private JsonNode awaitEvent(String subject, String eventName) {
        return awaitEvent(subject, eventName, event -> true);
    }

    /** The first event of that type on the subject that also matches {@code which}. */
    private JsonNode awaitEvent(String subject, String eventName, java.util.function.Predicate<JsonNode> which) {
        // Any version of the type: sealed types are version 2 on the topic (events/TOPIC.md, "Personal data").
        String type = "org.endorsements." + eventName + ".v";
        long deadline = System.nanoTime() + WAIT.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            for (; seen < records.size(); seen++) {
                ConsumerRecord<String, byte[]> record = records.get(seen);
                if (subject.equals(header(record, EventMessageFormat.HEADER_SUBJECT))
                        && String.valueOf(header(record, EventMessageFormat.HEADER_TYPE))
                                .startsWith(type)) {
                    JsonNode event;
                    try {
                        event = JSON.readTree(record.value());
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                    if (which.test(event)) {
                        return event;
                    }
                }
            }
            topic.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        throw new AssertionError("no " + type + " for " + subject + " on the topic within " + WAIT);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
