package org.endorsements.command.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import org.endorsements.command.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * The request budgets. An organization's bucket is keyed by the organization, not by the key it used, so rotating
 * a key does not refill it; the admin key has a bucket of its own; requests without a valid key (anonymous, or
 * whose authentication failed) spend the budget of their client address.
 */
@Component
class RateLimiter {

    private final BucketStore buckets;
    private final BucketConfiguration organization;
    private final BucketConfiguration admin;
    private final BucketConfiguration anonymous;

    RateLimiter(SecurityProperties properties, BucketStore buckets) {
        SecurityProperties.RateLimit limit = properties.rateLimit();
        this.buckets = buckets;
        this.organization = budget(limit.organizationRequests(), limit.organizationPeriod());
        this.admin = budget(limit.adminRequests(), limit.adminPeriod());
        this.anonymous = budget(limit.anonymousRequests(), limit.anonymousPeriod());
    }

    /** Empty when the request may proceed, else how long the caller should wait. */
    Optional<Duration> tryAcquire(Actor actor) {
        if (actor instanceof Actor.OrganizationCredential credential) {
            return consume("organization:" + credential.organizationId().value(), organization);
        }
        return consume("admin", admin);
    }

    Optional<Duration> tryAcquireForAddress(String clientAddress) {
        return consume("address:" + clientAddress, anonymous);
    }

    private Optional<Duration> consume(String key, BucketConfiguration configuration) {
        ConsumptionProbe probe = buckets.tryConsume(key, configuration);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static BucketConfiguration budget(long requests, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, period))
                .build();
    }
}
