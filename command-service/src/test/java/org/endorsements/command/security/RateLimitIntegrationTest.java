package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.endorsements.command.security.persistence.PostgresBucketStore;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.endorsements.events.Caller;
import org.endorsements.events.OrganizationId;
import org.endorsements.testsupport.TestStack;
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
@TestPropertySource(
        properties = {
            "endorsements.security.rate-limit.organization-requests=3",
            "endorsements.security.rate-limit.anonymous-requests=3",
            "endorsements.security.rate-limit.admin-requests=40",
            // The campaign watch's sweep is background work on the event store too; these tests count connections.
            "endorsements.campaigns.sweep-interval=1h"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIntegrationTest extends TestStackSupport {

    private static final int FLOODERS = 16;
    private static final int FLOOD_REQUESTS = 400;
    private static final int BURST = 200;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SecurityProperties properties;

    @Autowired
    RateLimiter rateLimiter;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static void assertRateLimited(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(429);
        assertThat(response.text("type")).isEqualTo("urn:endorsements:problem:rate-limited");
        assertThat(response.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
    }

    @Test
    @Order(1)
    void anOrganizationOverItsBudgetGets429WithRetryAfter() {
        assertThat(properties.rateLimit().organizationRequests()).isEqualTo(3);
        String key = api.registerOrganization("Busy").text("apiKey");
        for (int i = 0; i < 3; i++) {
            assertThat(api.send("GET", "/api/credentials/me", key, null).status())
                    .isEqualTo(200);
        }
        assertRateLimited(api.send("GET", "/api/credentials/me", key, null));
    }

    @Test
    @Order(2)
    void rotatingTheKeyDoesNotRefillTheBudget() {
        Api.Response org = api.registerOrganization("Rotator");
        String id = org.text("organizationId");
        assertThat(api.send("GET", "/api/credentials/me", org.text("apiKey"), null)
                        .status())
                .isEqualTo(200);
        assertThat(api.send("GET", "/api/credentials/me", org.text("apiKey"), null)
                        .status())
                .isEqualTo(200);
        Api.Response rotated = api.send("POST", "/api/organizations/" + id + "/credentials", org.text("apiKey"), null);
        assertThat(rotated.status()).isEqualTo(201);
        assertRateLimited(api.send("GET", "/api/credentials/me", rotated.text("apiKey"), null));
    }

    @Test
    @Order(3)
    void instancesOnTheSameDatabaseShareTheBuckets() throws Exception {
        Api.Response org = api.registerOrganization("Shared");
        for (int i = 0; i < 3; i++) {
            api.send("GET", "/api/credentials/me", org.text("apiKey"), null);
        }
        PostgresBucketStore otherInstance =
                new PostgresBucketStore(dataSource, properties.rateLimit().buckets(), false);
        try {
            RateLimiter limiter = new RateLimiter(properties, otherInstance);
            Caller sameOrganization =
                    Caller.organization(OrganizationId.of(org.text("organizationId")), "cred-other-instance");
            assertThat(limiter.tryAcquire(sameOrganization)).isPresent();
        } finally {
            otherInstance.destroy();
        }
    }

    @Test
    @Order(4)
    void requestsWithoutAValidKeySpendTheirAddresssBudget() {
        assertThat(api.send("GET", "/api/credentials/me", null, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/credentials/me", "ek_wrong", null).status())
                .isEqualTo(401);
        assertThat(api.send("GET", "/api/credentials/me", null, null).status()).isEqualTo(401);
        assertRateLimited(api.send("GET", "/api/credentials/me", "ek_wrong-again", null));
        assertRateLimited(api.send("GET", "/actuator/health", null, null));
        assertThat(api.send("GET", "/api/credentials/me", ADMIN_KEY, null).status())
                .isEqualTo(200);
    }

    @Test
    @Order(5)
    void theOrchestratorsProbesAnswerWhileTheirAddressIsOverBudget() {
        assertRateLimited(api.send("GET", "/api/credentials/me", null, null));

        assertThat(api.send("GET", "/actuator/health/liveness", null, null).status())
                .isEqualTo(200);
        assertThat(api.send("GET", "/actuator/health/readiness", null, null).status())
                .isEqualTo(200);
        assertRateLimited(api.send("GET", "/actuator/health", null, null));
    }

    /**
     * Without the in-process bucket in front, each of these requests is a SELECT ... FOR UPDATE on one row, queued
     * on its lock while holding one of the event store's connections. The service's background work (Axon's
     * processors, the bucket cleaner) may hold a connection or two meanwhile.
     */
    @Test
    @Order(6)
    void aFloodFromAnAddressOverBudgetHoldsNoEventStoreConnections() throws Exception {
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        AtomicInteger mostActive = new AtomicInteger();
        AtomicBoolean flooding = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (flooding.get()) {
                mostActive.accumulateAndGet(pool.getActiveConnections(), Math::max);
                Thread.onSpinWait();
            }
        });
        watcher.start();
        ExecutorService flood = Executors.newFixedThreadPool(FLOODERS);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < FLOOD_REQUESTS; i++) {
                statuses.add(flood.submit(
                        () -> api.send("GET", "/api/credentials/me", null, null).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isIn(401, 429); // a token may have refilled meanwhile
            }
        } finally {
            flood.shutdownNow();
            flooding.set(false);
            watcher.join();
        }
        assertThat(mostActive.get())
                .as("event-store connections in use during the flood")
                .isLessThanOrEqualTo(2);
    }

    /** Each of these addresses is within its budget, so every take is a transaction on the shared buckets. */
    @Test
    @Order(7)
    void addressesWithinTheirBudgetsSpendNoEventStoreConnections() throws Exception {
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        AtomicInteger mostActive = new AtomicInteger();
        AtomicBoolean flooding = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (flooding.get()) {
                mostActive.accumulateAndGet(pool.getActiveConnections(), Math::max);
                Thread.onSpinWait();
            }
        });
        watcher.start();
        ExecutorService flood = Executors.newFixedThreadPool(FLOODERS);
        try {
            List<Future<?>> takes = new ArrayList<>();
            for (int i = 0; i < FLOOD_REQUESTS; i++) {
                String address = "198.51.100." + (i % 200);
                takes.add(flood.submit(() -> {
                    try {
                        rateLimiter.tryAcquireForAddress(address);
                    } catch (RuntimeException poolBusy) {
                        // the buckets' own pool is full: the request would be refused (503), holding nothing
                    }
                }));
            }
            for (Future<?> take : takes) {
                take.get();
            }
        } finally {
            flood.shutdownNow();
            flooding.set(false);
            watcher.join();
        }
        assertThat(mostActive.get())
                .as("event-store connections in use during the flood")
                .isLessThanOrEqualTo(2);
    }

    @Test
    @Order(8)
    void theAdminKeyIsLimitedToo() {
        Api.Response last = null;
        for (int i = 0; i < 41 && (last == null || last.status() != 429); i++) {
            last = api.send("GET", "/api/credentials/me", ADMIN_KEY, null);
        }
        assertRateLimited(last);
    }

    /**
     * A burst from one organization takes from one bucket row. Taken one transaction per request, the takes queue on
     * that row's lock behind the buckets' small pool, and those that wait longer than its timeout were refused (503).
     */
    @Test
    @Order(9)
    void aBurstFromOneOrganizationIsNeverRefusedForWantOfABucketConnection() throws Exception {
        SecurityProperties.Buckets settings = properties.rateLimit().buckets();
        BucketConfiguration roomy = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(10 * BURST).refillGreedy(10 * BURST, Duration.ofMinutes(1)))
                .build();
        String key = "organization:burst:" + UUID.randomUUID();
        try (HikariDataSource onePool = new HikariDataSource()) {
            onePool.setJdbcUrl(TestStack.postgres().jdbcUrl());
            onePool.setUsername(TestStack.postgres().username());
            onePool.setPassword(TestStack.postgres().password());
            onePool.setMaximumPoolSize(1);
            onePool.setConnectionTimeout(settings.poolTimeout().toMillis());
            PostgresBucketStore store = new PostgresBucketStore(onePool, settings, false);
            ExecutorService burst = Executors.newFixedThreadPool(BURST);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Boolean>> takes = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    takes.add(burst.submit(() -> {
                        start.await();
                        return store.tryConsume(key, roomy, BucketStore.Keys.REGISTERED)
                                .isConsumed();
                    }));
                }
                start.countDown();
                for (Future<Boolean> take : takes) {
                    assertThat(take.get()).isTrue();
                }
            } finally {
                burst.shutdownNow();
                store.destroy();
            }
        }
    }
}
