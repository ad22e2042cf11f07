package org.endorsements.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic            the public event stream
 * @param deadLetterTopic  where records that cannot be projected (unreadable, or breaking their JSON Schema) are parked
 * @param groupId          consumer group of the live projection
 * @param generation       which generation of view collections is live (a replay builds the next one)
 * @param retryInterval    pause before a failed batch (e.g. MongoDB unreachable) is tried again; never skipped
 * @param instanceId       this instance's stable name in the consumer group (Kafka static membership), or empty:
 *                         an instance restarted under the same name takes its partitions back at once, where an
 *                         unnamed one waits for the broker to end the dead instance's session. Two running
 *                         instances must never share a name: the broker would fence one of them.
 */
@ConfigurationProperties("endorsements.projection")
public record ProjectionProperties(
        @DefaultValue("endorsement-events") String topic,
        @DefaultValue("endorsement-events.dlt") String deadLetterTopic,
        @DefaultValue("endorsements-query") String groupId,
        @DefaultValue("1") int generation,
        @DefaultValue("1s") Duration retryInterval,
        @DefaultValue("") String instanceId) {}
