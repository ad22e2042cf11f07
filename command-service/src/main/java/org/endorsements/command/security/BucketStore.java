package org.endorsements.command.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where token buckets live: this process's memory, or a table that every instance of the service shares. */
public interface BucketStore {

    /**
     * Takes one token from the bucket of {@code key}, created with {@code configuration} when it is new.
     *
     * @param keys whether the key belongs to a bounded set a store may keep per-key state for
     */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration, Keys keys);

    /** Where a bucket's key comes from, which decides whether a store may remember something per key. */
    enum Keys {
        /** The admin's: one key that carries imports and benchmarks, thousands of requests a second. */
        BUSY,
        /** Organizations': as many as are registered, and a burst from one of them is legitimate. */
        REGISTERED,
        /** Client addresses, which a client can vary: per-key state must expire with the bucket. */
        OPEN
    }
}
