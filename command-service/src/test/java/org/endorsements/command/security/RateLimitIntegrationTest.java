package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.endorsements.command.shared.Actor;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.endorsements.events.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Small budgets, on PostgreSQL (so the shared buckets): what is spent where. The admin's budget is exhausted last,
 * since every other test needs the admin to set up.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "endorsements.security.rate-limit.organization-requests=3",
        "endorsements.security.rate-limit.anonymous-requests=3",
        "endorsements.security.rate-limit.admin-requests=40"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIntegrationTest extends TestStackSupport {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SecurityProperties properties;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static void assertRateLimited(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(429);
        assertThat(response.text("type")).isEqualTo("urn:endorsements:problem:rate-limited");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
    }

    @Test
    @Order(1)
    void anOrganizationOverItsBudgetGets429WithRetryAfter() {
        assertThat(properties.rateLimit().organizationRequests()).isEqualTo(3);
        String key = api.registerOrganization("Busy").text("apiKey");
        for (int i = 0; i < 3; i++) {
            assertThat(api.send("GET", "/api/credentials/me", key, null).status()).isEqualTo(200);
        }
        assertRateLimited(api.send("GET", "/api/credentials/me", key, null));
    }

    @Test
    @Order(2)
    void rotatingTheKeyDoesNotRefillTheBudget() {
        Api.Response org = api.registerOrganization("Rotator");
        String id = org.text("organizationId");
        assertThat(api.send("GET", "/api/credentials/me", org.text("apiKey"), null).status()).isEqualTo(200);
        assertThat(api.send("GET", "/api/credentials/me", org.text("apiKey"), null).status()).isEqualTo(200);
        Api.Response rotated = api.send("POST", "/api/organizations/" + id + "/credentials", org.text("apiKey"), null);
        assertThat(rotated.status()).isEqualTo(201);
        assertRateLimited(api.send("GET", "/api/credentials/me", rotated.text("apiKey"), null));
    }

    @Test
    @Order(3)
    void instancesOnTheSameDatabaseShareTheBuckets() {
        Api.Response org = api.registerOrganization("Shared");
        for (int i = 0; i < 3; i++) {
            api.send("GET", "/api/credentials/me", org.text("apiKey"), null);
        }
        PostgresBucketStore otherInstance = new PostgresBucketStore(dataSource);
        try {
            RateLimiter limiter = new RateLimiter(properties, otherInstance);
            Actor sameOrganization = new Actor.OrganizationCredential(
                    OrganizationId.of(org.text("organizationId")), "cred-other-instance");
            assertThat(limiter.tryAcquire(sameOrganization)).isPresent();
        } finally {
            otherInstance.destroy();
        }
    }

    @Test
    @Order(4)
    void requestsWithoutAValidKeySpendTheirAddresssBudget() {
        assertThat(api.send("GET", "/api/credentials/me", null, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/credentials/me", "ek_wrong", null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/credentials/me", null, null).status()).isEqualTo(401);
        assertRateLimited(api.send("GET", "/api/credentials/me", "ek_wrong-again", null));
        assertRateLimited(api.send("GET", "/actuator/health", null, null));
        assertThat(api.send("GET", "/api/credentials/me", ADMIN_KEY, null).status()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void theAdminKeyIsLimitedToo() {
        Api.Response last = null;
        for (int i = 0; i < 41 && (last == null || last.status() != 429); i++) {
            last = api.send("GET", "/api/credentials/me", ADMIN_KEY, null);
        }
        assertRateLimited(last);
    }
}
