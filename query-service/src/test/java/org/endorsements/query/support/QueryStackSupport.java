package org.endorsements.query.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the query service's integration tests: a real Kafka broker and MongoDB(-compatible) server. */
public abstract class QueryStackSupport {

    public static final String TOPIC = "endorsement-events-query-it";
    public static final String DEAD_LETTERS = TOPIC + ".dlt";
    public static final int PARTITIONS = 6;
    public static final String AUDITOR_KEY = "test-auditor-key";
    public static final String ADMIN_KEY = "test-admin-key";
    /** A key of this test JVM's own, never the developer's data folder. */
    static final String SIGNING_KEY_FILE = System.getProperty("java.io.tmpdir") + "/endorsements-test-"
            + ProcessHandle.current().pid() + "/log-signing.key";

    @BeforeAll
    static void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestStack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @DynamicPropertySource
    static void stackProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestStack::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", TestStack::mongoUri);
        registry.add("endorsements.projection.topic", () -> TOPIC);
        registry.add("endorsements.projection.dead-letter-topic", () -> DEAD_LETTERS);
        registry.add("endorsements.read-your-writes.max-wait", () -> "2s");
        registry.add("endorsements.security.auditor-key", () -> AUDITOR_KEY);
        registry.add("endorsements.security.admin-key", () -> ADMIN_KEY);
        registry.add("endorsements.log.signing-key-file", () -> SIGNING_KEY_FILE);
        registry.add("endorsements.log.checkpoint-interval", () -> "200ms");
        registry.add("endorsements.log.witnesses[0].url", TestWitnesses::liveUrl);
        registry.add("endorsements.log.witnesses[0].verifier-key", () -> TestWitnesses.LIVE.verifier().encode());
        registry.add("endorsements.log.witnesses[1].url", TestWitnesses::lateUrl);
        registry.add("endorsements.log.witnesses[1].verifier-key", () -> TestWitnesses.LATE.verifier().encode());
        registry.add("endorsements.log.witness-timeout", () -> "2s");
    }
}
