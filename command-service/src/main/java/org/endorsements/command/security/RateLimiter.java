package org.endorsements.command.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.endorsements.command.shared.Actor;
import org.springframework.stereotype.Component;

/** A token bucket per credential (bucket4j), in memory: each instance of the service limits on its own. */
@Component
class RateLimiter {

    private final SecurityProperties.RateLimit limit;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(SecurityProperties properties) {
        this.limit = properties.rateLimit();
    }

    /** Empty when the request may proceed, else how long the caller should wait. */
    java.util.Optional<Duration> tryAcquire(Actor actor) {
        if (actor.isAdmin() && !limit.limitAdmin()) {
            return java.util.Optional.empty();
        }
        Bucket bucket = buckets.computeIfAbsent(actor.auditName(), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests())
                        .refillGreedy(limit.requests(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
