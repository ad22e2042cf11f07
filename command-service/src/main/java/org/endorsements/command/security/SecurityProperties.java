package org.endorsements.command.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param adminKey     the admin API key (from {@code ENDORSEMENTS_ADMIN_KEY}); the service refuses to start without
 * @param maxBodySize  a request body is refused (413) as soon as more than this has been read, whatever its
 *                     transfer encoding or declared length
 * @param maxKeyLength a bearer token longer than this is a failed authentication without being hashed (keys are
 *                     46 characters)
 * @param rateLimit    request budgets
 */
@ConfigurationProperties("endorsements.security")
public record SecurityProperties(
        String adminKey,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("200") int maxKeyLength,
        @DefaultValue RateLimit rateLimit) {

    /** Where the buckets live: {@code auto} shares them in PostgreSQL when that is the event store, else memory. */
    public enum Store {
        AUTO,
        MEMORY,
        POSTGRESQL
    }

    /**
     * Token buckets (bucket4j): each budget is {@code requests} per {@code period}, refilled continuously, and may be
     * spent at once (burst = requests).
     *
     * @param store                where the buckets are kept
     * @param organizationRequests per organization, whichever of its keys is used (rotating a key keeps the bucket)
     * @param organizationPeriod   refill period of an organization's budget
     * @param adminRequests        the admin key's budget: high, so that imports and the benchmark (which run as the
     *                             admin, at up to 2,000 requests/s) are not throttled, but not unlimited
     * @param adminPeriod          refill period of the admin budget
     * @param anonymousRequests    per client address, for requests without a valid key (anonymous ones, including
     *                             health and metrics scrapes, and failed authentications)
     * @param anonymousPeriod      refill period of a client address's budget
     * @param buckets              how stored buckets are cleaned up
     */
    public record RateLimit(
            @DefaultValue("auto") Store store,
            @DefaultValue("600") long organizationRequests,
            @DefaultValue("1m") Duration organizationPeriod,
            @DefaultValue("600000") long adminRequests,
            @DefaultValue("1m") Duration adminPeriod,
            @DefaultValue("1200") long anonymousRequests,
            @DefaultValue("1m") Duration anonymousPeriod,
            @DefaultValue Buckets buckets) {}

    /**
     * Keys include client addresses, which a client can vary, so buckets that have refilled (the same as new ones)
     * are dropped.
     *
     * @param memorySweepAbove in memory: full buckets are dropped only once there are more than this many
     * @param memorySweepEvery in memory: how many takes between two sweeps
     * @param keepAfterFull    in PostgreSQL: a row expires this long after its bucket would be full again
     * @param removeBatch      in PostgreSQL: expired rows deleted per statement
     * @param removeEvery      in PostgreSQL: how often expired rows are deleted
     * @param poolSize         in PostgreSQL: connections of the buckets' own pool, apart from the event store's, so
     *                         that a flood of requests can hold at most these
     * @param poolTimeout      in PostgreSQL: how long a request waits for one of them before it is refused (503)
     * @param turnTimeout      in PostgreSQL: how long a request waits for the requests of the same organization
     *                         before it, which take from the same row one at a time, before it is refused (503)
     */
    public record Buckets(
            @DefaultValue("10000") int memorySweepAbove,
            @DefaultValue("1000") int memorySweepEvery,
            @DefaultValue("1m") Duration keepAfterFull,
            @DefaultValue("1000") int removeBatch,
            @DefaultValue("1m") Duration removeEvery,
            @DefaultValue("4") int poolSize,
            @DefaultValue("250ms") Duration poolTimeout,
            @DefaultValue("5s") Duration turnTimeout) {}
}
