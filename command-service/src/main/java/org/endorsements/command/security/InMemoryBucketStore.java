package org.endorsements.command.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets in this process (the embedded H2 setup runs one instance). Keys include client addresses, which a client
 * can vary, so buckets that have refilled completely (the same as a new one) are dropped once there are many.
 */
final class InMemoryBucketStore implements BucketStore {

    private static final int SWEEP_ABOVE = 10_000;
    private static final int SWEEP_EVERY = 1_000;

    private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    private record Entry(Bucket bucket, long capacity) {
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        if (calls.incrementAndGet() % SWEEP_EVERY == 0 && buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(e -> e.bucket().getAvailableTokens() >= e.capacity());
        }
        Entry entry = buckets.computeIfAbsent(key, k -> new Entry(
                Bucket.builder().addLimit(configuration.getBandwidths()[0]).build(),
                configuration.getBandwidths()[0].getCapacity()));
        return entry.bucket().tryConsumeAndReturnRemaining(1);
    }

    int size() {
        return buckets.size();
    }
}
