package org.endorsements.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.ReadClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Its own application context: the other tests raise the limit (they send many anonymous reads). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnonymousRequestLimitIntegrationTest {

    private static final int LIMIT = 5;

    @LocalServerPort
    int port;

    @BeforeAll
    static void createTopic() throws Exception {
        QueryStackSupport.createTopic();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        QueryStackSupport.stackProperties(registry);
        registry.add("endorsements.security.anonymous.requests", () -> Integer.toString(LIMIT));
        registry.add("endorsements.security.anonymous.period", () -> "1h");
        // A context of its own (for its small limit): its projection must not join the other contexts' consumer
        // group, where it would take partitions from them and keep writing an old generation after a replay.
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
    }

    @Test
    void aFloodOfAnonymousReadsFromOneAddressGets429WithRetryAfterWhileKeyHoldersReadOn() {
        ReadClient reads = new ReadClient(port);
        for (int i = 0; i < LIMIT; i++) {
            assertThat(reads.get("/api/statements").status()).isEqualTo(200);
        }

        ReadClient.Reply refused = reads.get("/api/statements");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.json().path("type").asText())
                .isEqualTo("urn:endorsements:problem:too-many-anonymous-requests");
        assertThat(reads.get("/api/statements", QueryStackSupport.AUDITOR_KEY).status())
                .isEqualTo(200);
    }
}
