package org.endorsements.command.support;

import org.endorsements.testsupport.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the command service's integration tests: PostgreSQL event store and a real Kafka broker from the shared
 * {@link TestStack}; every test class shares one application context.
 */
public abstract class TestStackSupport {

    public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    public static final String TOPIC = "endorsement-events";
    /** A fixed master key (base64 of 32 bytes), so that no test writes one into the working folder. */
    public static final String MASTER_KEY = "dGVzdC1tYXN0ZXIta2V5LTAxMjM0NTY3ODlhYmNkZWY=";

    @BeforeAll
    static void requireStack() {
        // Resolved before the context loads, so a missing PostgreSQL is a clean skip (or a CI failure).
        TestStack.postgres();
        TestStack.kafkaBootstrapServers();
    }

    @DynamicPropertySource
    static void stackProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestStack.postgres().jdbcUrl());
        registry.add("spring.datasource.username", () -> TestStack.postgres().username());
        registry.add("spring.datasource.password", () -> TestStack.postgres().password());
        registry.add("spring.kafka.bootstrap-servers", TestStack::kafkaBootstrapServers);
        registry.add("endorsements.security.admin-key", () -> ADMIN_KEY);
        registry.add("endorsements.personal-data.master-key", () -> MASTER_KEY);
        registry.add("endorsements.event-stream.topic", () -> TOPIC);
    }
}
