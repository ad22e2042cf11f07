package org.endorsements.command.organization.messaging;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CredentialDigestConfiguration {

    /** Compacted: only each organization's current key state matters; one partition keeps it small and ordered. */
    @Bean
    NewTopic credentialDigestsTopic(CredentialDigestProperties properties) {
        return new NewTopic(properties.topic(), 1, properties.replicas())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /**
     * Like the public relay: a tracking processor of its own (so a stalled broker for this topic holds back
     * nothing else), from the tail of the store, and any failure propagates so that its batch is retried.
     */
    @Bean
    ConfigurerModule credentialDigestProcessor(CredentialDigestProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(
                        CredentialDigestPublisher.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(properties.batchSize())
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .registerTrackingEventProcessor(CredentialDigestPublisher.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(
                        CredentialDigestPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
