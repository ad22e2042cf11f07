package org.endorsements.command.statement.persistence;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    /**
     * The registry tables change in the command's own transaction, or not at all: a subscribing processor whose
     * failures propagate and roll the command back.
     */
    @Bean
    ConfigurerModule registryProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(StatementRegistry.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(StatementRegistry.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance()));
    }
}
