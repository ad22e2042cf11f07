package org.endorsements.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.ReadClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Its own application context: the other tests raise the limit (they send many wrong keys on purpose). All its
 * requests come from one address, whose bucket the tests share: the flood is counted from a full one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailedAuthenticationLimitIntegrationTest {

    private static final int LIMIT = 5;

    @LocalServerPort
    int port;

    @Autowired
    OrganizationKeys organizationKeys;

    @BeforeAll
    static void createTopic() throws Exception {
        QueryStackSupport.createTopic();
    }

    /** Until then a wrong key is "not loaded yet" (503), which is not counted as a failure. */
    @BeforeEach
    void organizationKeysAreLoaded() {
        await().atMost(Duration.ofSeconds(20)).until(organizationKeys::caughtUp);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        QueryStackSupport.stackProperties(registry);
        registry.add("endorsements.security.failed-authentication.requests", () -> Integer.toString(LIMIT));
        registry.add("endorsements.security.failed-authentication.period", () -> "1h");
        // A context of its own (for its small limit): its projection must not join the other contexts' consumer
        // group, where it would take partitions from them and keep writing an old generation after a replay.
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
    }

    @Test
    @Order(1)
    void aFloodOfWrongKeysFromOneAddressGets429WithRetryAfter() {
        ReadClient reads = new ReadClient(port);
        for (int i = 0; i < LIMIT; i++) {
            assertThat(reads.get("/api/statements", "guess-" + i).status()).isEqualTo(401);
        }

        ReadClient.Reply refused = reads.get("/api/statements", "guess-next");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.json().path("type").asText())
                .isEqualTo("urn:endorsements:problem:too-many-failed-authentications");
    }

    /** An address shared by many (a NAT, a proxy, a Tor exit) is refused its failures only. */
    @Test
    @Order(2)
    void aValidKeyFromAnAddressPastItsLimitIsStillAccepted() {
        ReadClient reads = new ReadClient(port);
        for (int i = 0; i <= LIMIT && reads.get("/api/statements", "guess-" + i).status() != 429; i++) {
            // until the address is past its limit
        }

        assertThat(reads.get("/api/statements", QueryStackSupport.AUDITOR_KEY).status())
                .isEqualTo(200);
        assertThat(reads.get("/api/statements", "guess-again").status()).isEqualTo(429);
    }
}
