package org.endorsements.query.projection;

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
 */
@ConfigurationProperties("endorsements.instances")
public record InstancesProperties(
        @DefaultValue("true") boolean watchOthers,
        @DefaultValue("20000") int maxPending) {}
