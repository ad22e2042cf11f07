package org.endorsements.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How several query-service instances on one view store and one topic keep each other informed.
 *
 * @param watchOthers    whether this instance follows the whole topic, from its end at start, to learn of the
 *                       batches the other instances project (their partitions): live streams, read-your-writes
 *                       waits and caches then hear of every change, whichever instance wrote it. Off only where
 *                       one instance runs alone and the extra consumer is not wanted.
 * @param maxPending     events seen on the topic but not yet in the views that are held for notification; beyond
 *                       it the oldest are dropped (the next change of their statement is heard again)
 * @param heartbeat      how often each instance reads which view generation is live (and switches to it) and
 *                       records the one it reads: instances switch within this much of each other
 * @param instanceExpiry an instance that has not recorded its generation for this long counts as gone: a replay
 *                       no longer waits for it before dropping the old generation
 * @param leaseDuration  how long the replay lease lasts unrenewed: an instance that dies while replaying is taken
 *                       over by a replay started elsewhere this long after its last renewal
 * @param switchWait     how long a replay waits, after its switch, for every instance to read the new generation
 *                       before it leaves the old one in place (dropped by the next replay) rather than drop it
 */
@ConfigurationProperties("endorsements.instances")
public record InstancesProperties(
        @DefaultValue("true") boolean watchOthers,
        @DefaultValue("20000") int maxPending,
        @DefaultValue("1s") Duration heartbeat,
        @DefaultValue("15s") Duration instanceExpiry,
        @DefaultValue("30s") Duration leaseDuration,
        @DefaultValue("60s") Duration switchWait) {}
