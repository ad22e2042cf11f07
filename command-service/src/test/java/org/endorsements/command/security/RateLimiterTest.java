package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.endorsements.events.Caller;
import org.endorsements.events.OrganizationId;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RateLimiterTest {

    private static final SecurityProperties.Buckets BUCKETS = new SecurityProperties.Buckets(
            10_000,
            1_000,
            Duration.ofMinutes(1),
            1_000,
            Duration.ofMinutes(1),
            4,
            Duration.ofMillis(250),
            Duration.ofSeconds(5));

    private static final Caller ORG = Caller.organization(OrganizationId.of("provea"), "cred-1");
    private static final Caller ORG_ROTATED = Caller.organization(OrganizationId.of("provea"), "cred-9");
    private static final Caller OTHER = Caller.organization(OrganizationId.of("codhez"), "cred-2");

    private static RateLimiter limiter(long organization, long admin, long anonymous) {
        Duration minute = Duration.ofMinutes(1);
        return new RateLimiter(
                new SecurityProperties(
                        "admin",
                        DataSize.ofKilobytes(64),
                        200,
                        new SecurityProperties.RateLimit(
                                SecurityProperties.Store.MEMORY,
                                organization,
                                minute,
                                admin,
                                minute,
                                anonymous,
                                minute,
                                BUCKETS)),
                new InMemoryBucketStore(BUCKETS));
    }

    @Test
    void anOrganizationWithinItsBudgetPasses() {
        RateLimiter limiter = limiter(3, 1, 1);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(ORG)).isEmpty();
        }
    }

    @Test
    void anOrganizationOverItsBudgetIsToldHowLongToWait() {
        RateLimiter limiter = limiter(2, 1, 1);
        limiter.tryAcquire(ORG);
        limiter.tryAcquire(ORG);
        assertThat(limiter.tryAcquire(ORG))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void aRotatedKeyKeepsItsOrganizationsSpentBudget() {
        RateLimiter limiter = limiter(1, 1, 1);
        limiter.tryAcquire(ORG);
        assertThat(limiter.tryAcquire(ORG_ROTATED)).isPresent();
    }

    @Test
    void eachOrganizationHasItsOwnBudget() {
        RateLimiter limiter = limiter(1, 1, 1);
        limiter.tryAcquire(ORG);
        assertThat(limiter.tryAcquire(OTHER)).isEmpty();
    }

    @Test
    void theAdminKeyIsLimitedByItsOwnBudget() {
        RateLimiter limiter = limiter(100, 2, 100);
        assertThat(limiter.tryAcquire(Caller.ADMIN)).isEmpty();
        assertThat(limiter.tryAcquire(Caller.ADMIN)).isEmpty();
        assertThat(limiter.tryAcquire(Caller.ADMIN)).isPresent();
        assertThat(limiter.tryAcquire(ORG)).isEmpty();
    }

    @Test
    void eachClientAddressHasItsOwnBudgetForRequestsWithoutAValidKey() {
        RateLimiter limiter = limiter(100, 100, 1);
        assertThat(limiter.tryAcquireForAddress("192.0.2.1")).isEmpty();
        assertThat(limiter.tryAcquireForAddress("192.0.2.1")).isPresent();
        assertThat(limiter.tryAcquireForAddress("192.0.2.2")).isEmpty();
    }

    @Test
    void refilledBucketsAreForgottenOnceThereAreMany() {
        InMemoryBucketStore store = new InMemoryBucketStore(BUCKETS);
        RateLimiter limiter = new RateLimiter(
                new SecurityProperties(
                        "admin",
                        DataSize.ofKilobytes(64),
                        200,
                        new SecurityProperties.RateLimit(
                                SecurityProperties.Store.MEMORY,
                                1,
                                Duration.ofMinutes(1),
                                1,
                                Duration.ofMinutes(1),
                                1,
                                Duration.ofNanos(1),
                                BUCKETS)),
                store);
        for (int i = 0; i < 30_000; i++) {
            limiter.tryAcquireForAddress("198.51.100." + i);
        }
        assertThat(store.size()).isLessThan(30_000);
    }

    @Test
    void anAddressOverItsBudgetIsRefusedWithoutAskingTheSharedStore() {
        AtomicInteger sharedTakes = new AtomicInteger();
        InMemoryBucketStore shared = new InMemoryBucketStore(BUCKETS);
        BucketStore counting = new BucketStore() {
            @Override
            public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, Keys keys) {
                sharedTakes.incrementAndGet();
                return shared.tryConsume(key, configuration, keys);
            }
        };
        Duration minute = Duration.ofMinutes(1);
        RateLimiter limiter = new RateLimiter(
                new SecurityProperties(
                        "admin",
                        DataSize.ofKilobytes(64),
                        200,
                        new SecurityProperties.RateLimit(
                                SecurityProperties.Store.MEMORY, 1, minute, 1, minute, 5, minute, BUCKETS)),
                counting);

        for (int i = 0; i < 1_000; i++) {
            limiter.tryAcquireForAddress("203.0.113.9");
        }

        assertThat(limiter.tryAcquireForAddress("203.0.113.9")).isPresent();
        assertThat(sharedTakes).hasValue(5);
    }
}
