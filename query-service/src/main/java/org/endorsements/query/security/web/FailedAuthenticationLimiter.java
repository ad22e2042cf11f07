package org.endorsements.query.security.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.endorsements.query.security.ReadSecurityProperties;

/**
 * A token bucket (bucket4j, in memory) per client address. One is drawn from by every request that fails
 * authentication (wrong keys, and requests without a key where one is needed), another by every request without
 * a key. Addresses not seen for a period are forgotten (their bucket is full again by then anyway), and at most
 * {@code maxAddresses} are held.
 */
class FailedAuthenticationLimiter {

    private final long requests;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    FailedAuthenticationLimiter(ReadSecurityProperties.FailedAuthentication limits) {
        this(limits.requests(), limits.period(), limits.maxAddresses());
    }

    FailedAuthenticationLimiter(ReadSecurityProperties.Anonymous limits) {
        this(limits.requests(), limits.period(), limits.maxAddresses());
    }

    private FailedAuthenticationLimiter(long requests, Duration period, long maxAddresses) {
        this.requests = requests;
        this.period = period;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxAddresses)
                .expireAfterAccess(period)
                .build();
    }

    /** Counts one request (a failure); returns how long the address must now wait, zero when it was still within its limit. */
    Duration failed(String address) {
        ConsumptionProbe probe = buckets.get(address, a -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(requests)
                        .refillGreedy(requests, period)
                        .build())
                .build();
    }

    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
