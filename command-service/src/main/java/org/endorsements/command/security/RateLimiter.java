package org.endorsements.command.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import org.endorsements.events.Caller;
import org.springframework.stereotype.Component;

/**
 * The request budgets. An organization's bucket is keyed by the organization, not by the key it used, so rotating
 * a key does not refill it; the admin key has a bucket of its own; requests without a valid key (anonymous, or
 * whose authentication failed) spend the budget of their client address.
 *
 * <p>An address's budget is kept twice: in this process first, then in the shared store. The shared store may be
 * PostgreSQL, where each take is a SELECT ... FOR UPDATE transaction; an address that has spent its budget here is
 * refused without touching it, so a flood from one address costs no database connection once it is over budget,
 * and never more than one budget's worth per instance.
 */
@Component
class RateLimiter {

    private final BucketStore buckets;
    private final BucketStore local;
    private final Budget organization;
    private final Budget admin;
    private final Budget anonymous;

    RateLimiter(SecurityProperties properties, BucketStore buckets) {
        SecurityProperties.RateLimit limit = properties.rateLimit();
        this.buckets = buckets;
        this.local = new InMemoryBucketStore(limit.buckets());
        this.organization = new Budget(
                "organization", limit.organizationRequests(), limit.organizationPeriod(), BucketStore.Keys.REGISTERED);
        this.admin = new Budget("admin", limit.adminRequests(), limit.adminPeriod(), BucketStore.Keys.BUSY);
        this.anonymous =
                new Budget("address", limit.anonymousRequests(), limit.anonymousPeriod(), BucketStore.Keys.OPEN);
    }

    /** Empty when the request may proceed, else how long the caller should wait. */
    Optional<Duration> tryAcquire(Caller caller) {
        if (caller.role() == Caller.Role.ORGANIZATION) {
            return organization.consume(buckets, caller.organizationId().value());
        }
        return admin.consume(buckets, "");
    }

    Optional<Duration> tryAcquireForAddress(String clientAddress) {
        Optional<Duration> wait = anonymous.consume(local, clientAddress);
        return wait.isPresent() ? wait : anonymous.consume(buckets, clientAddress);
    }

    /**
     * A stored bucket keeps the configuration it was created with, so the key names the budget too: after the
     * budget is changed, callers get new buckets at once (the old rows expire) instead of the old budget.
     */
    private record Budget(String prefix, BucketConfiguration configuration, BucketStore.Keys keys) {

        Budget(String category, long requests, Duration period, BucketStore.Keys keys) {
            this(
                    category + ":" + requests + "/" + period.toSeconds() + "s:",
                    BucketConfiguration.builder()
                            .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, period))
                            .build(),
                    keys);
        }

        Optional<Duration> consume(BucketStore buckets, String id) {
            ConsumptionProbe probe = buckets.tryConsume(prefix + id, configuration, keys);
            return probe.isConsumed()
                    ? Optional.empty()
                    : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
