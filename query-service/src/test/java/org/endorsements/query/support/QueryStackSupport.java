package org.endorsements.query.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.endorsements.events.CanonicalText;
import org.endorsements.events.CredentialDigest;
import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the query service's integration tests: a real Kafka broker and MongoDB(-compatible) server. */
@Import({BoundedReadsStack.SmallSendBuffers.class, TestDataKeys.class})
public abstract class QueryStackSupport {

    public static final String TOPIC = "endorsement-events-query-it";
    public static final String DEAD_LETTERS = TOPIC + ".dlt";
    /** The private credential topic; the service creates it itself. */
    public static final String CREDENTIALS = "endorsement-credentials-query-it";

    public static final int PARTITIONS = 6;
    public static final String AUDITOR_KEY = "test-auditor-key";
    public static final String ADMIN_KEY = "test-admin-key";
    /** A key of this test JVM's own, never the developer's data folder. */
    static final String SIGNING_KEY_FILE = System.getProperty("java.io.tmpdir") + "/endorsements-test-"
            + ProcessHandle.current().pid() + "/log-signing.key";

    @BeforeAll
    public static void createTopic() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Publishes an organization's key as the command service would: its SHA-256 only. */
    public static void publishKey(String organizationId, String key) {
        publishDigest(
                organizationId,
                new CredentialDigest(organizationId, "cred-" + organizationId, CanonicalText.sha256Hex(key), true)
                        .encode());
    }

    /** A tombstone: the organization's key was revoked (or the organization suspended). */
    public static void revokeKey(String organizationId) {
        publishDigest(organizationId, null);
    }

    private static void publishDigest(String organizationId, byte[] value) {
        try (TopicWriter writer = new TopicWriter(CREDENTIALS)) {
            writer.sendRaw(new ProducerRecord<>(CREDENTIALS, organizationId, value));
        }
    }

    @DynamicPropertySource
    public static void stackProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestStack::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", TestStack::mongoUri);
        registry.add("endorsements.projection.topic", () -> TOPIC);
        registry.add("endorsements.projection.dead-letter-topic", () -> DEAD_LETTERS);
        registry.add("endorsements.read-your-writes.max-wait", () -> "2s");
        registry.add("endorsements.security.auditor-key", () -> AUDITOR_KEY);
        registry.add("endorsements.security.admin-key", () -> ADMIN_KEY);
        registry.add("endorsements.security.credential-digests.topic", () -> CREDENTIALS);
        // The tests send many wrong keys from one address; the limit has its own test with its own context.
        registry.add("endorsements.security.failed-authentication.requests", () -> "1000000");
        // The corpus and the read tests send many anonymous requests; the limit has its own test too.
        registry.add("endorsements.security.anonymous.requests", () -> "1000000");
        registry.add("endorsements.log.signing-key-file", () -> SIGNING_KEY_FILE);
        registry.add("endorsements.log.checkpoint-interval", () -> "200ms");
        // Instances follow a replay's switch within a heartbeat; one closed without a goodbye expires soon.
        registry.add("endorsements.instances.heartbeat", () -> "200ms");
        registry.add("endorsements.instances.instance-expiry", () -> "3s");
        registry.add("endorsements.log.witnesses[0].url", TestWitnesses::liveUrl);
        registry.add(
                "endorsements.log.witnesses[0].verifier-key",
                () -> TestWitnesses.LIVE.verifier().encode());
        registry.add("endorsements.log.witnesses[1].url", TestWitnesses::lateUrl);
        registry.add(
                "endorsements.log.witnesses[1].verifier-key",
                () -> TestWitnesses.LATE.verifier().encode());
        registry.add("endorsements.log.witness-timeout", () -> "2s");
        // Small limits that the tests of bounded reads reach (BoundedReadsStack); one context for every test
        // class, since each context's projection joins the same consumer group.
        registry.add("server.tomcat.threads.max", () -> BoundedReadsStack.REQUEST_THREADS);
        registry.add("endorsements.read-your-writes.max-waiters", () -> BoundedReadsStack.MAX_WAITERS);
        registry.add("endorsements.live.max-streams-per-address", () -> BoundedReadsStack.MAX_STREAMS_PER_ADDRESS);
        registry.add("endorsements.live.heartbeat-interval", () -> "300ms");
        registry.add("endorsements.live.write-timeout", () -> "1s");
        registry.add("spring.mvc.async.request-timeout", () -> BoundedReadsStack.STREAM_DEADLINE_SECONDS + "s");
    }
}
