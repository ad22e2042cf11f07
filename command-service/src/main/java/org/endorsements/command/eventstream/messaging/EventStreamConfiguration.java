package org.endorsements.command.eventstream.messaging;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.endorsements.command.eventstream.EventStreamProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class EventStreamConfiguration {

    /** Unlimited retention: the topic is the history every view is rebuilt from. */
    @Bean
    NewTopic endorsementEventsTopic(EventStreamProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"))
                .build();
    }

    /**
     * The relay is a tracking processor that starts at the tail of the store (Axon's default is the head, which
     * would skip history) and lets any failure propagate, so a batch is retried instead of logged and skipped.
     */
    @Bean
    ConfigurerModule kafkaRelayProcessor(EventStreamProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(
                        KafkaEventRelay.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(properties.batchSize())
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .registerTrackingEventProcessor(KafkaEventRelay.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(
                        KafkaEventRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
