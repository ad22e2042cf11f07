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
public final class InMemoryBucketStore implements BucketStore {

    private final SecurityProperties.Buckets settings;
    private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    private record Entry(Bucket bucket, long capacity) {}

    public InMemoryBucketStore(SecurityProperties.Buckets settings) {
        this.settings = settings;
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, Keys keys) {
        if (calls.incrementAndGet() % settings.memorySweepEvery() == 0
                && buckets.size() > settings.memorySweepAbove()) {
            buckets.values().removeIf(e -> e.bucket().getAvailableTokens() >= e.capacity());
        }
        Entry entry = buckets.computeIfAbsent(
                key,
                k -> new Entry(
                        Bucket.builder()
                                .addLimit(configuration.getBandwidths()[0])
                                .build(),
                        configuration.getBandwidths()[0].getCapacity()));
        return entry.bucket().tryConsumeAndReturnRemaining(1);
    }

    int size() {
        return buckets.size();
    }
}
