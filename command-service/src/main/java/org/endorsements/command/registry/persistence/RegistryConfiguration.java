package org.endorsements.command.registry.persistence;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    static final String PROCESSING_GROUP = "registry";

    /**
     * The registry tables change in the command's own transaction, or not at all: a subscribing processor whose
     * failures propagate and roll the command back.
     */
    @Bean
    ConfigurerModule registryProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
