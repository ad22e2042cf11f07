package org.endorsements.command.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where token buckets live: this process's memory, or a table that every instance of the service shares. */
public interface BucketStore {

    /** Takes one token from the bucket of {@code key}, created with {@code configuration} when it is new. */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);
}
