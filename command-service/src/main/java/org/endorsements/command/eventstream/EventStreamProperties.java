package org.endorsements.command.eventstream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public event stream the command side feeds.
 *
 * @param topic        Kafka topic every public event goes to
 * @param partitions   partition count when the topic is created; events of one statement share a partition
 * @param replicas     replication factor when the topic is created
 * @param batchSize    events the relay sends before it waits for the broker's acknowledgements and stores its token
 */
@ConfigurationProperties("endorsements.event-stream")
public record EventStreamProperties(
        @DefaultValue("endorsement-events") String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("500") int batchSize) {}
