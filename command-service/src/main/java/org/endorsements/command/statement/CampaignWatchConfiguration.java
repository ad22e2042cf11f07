package org.endorsements.command.statement;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CampaignWatchConfiguration {

    /**
     * In the endorsement's own unit of work, so that the mark is set only after its commit; a failure there is
     * logged, never rolls the endorsement back (the sweep covers a lost mark).
     */
    @Bean
    ConfigurerModule campaignWatchProcessor() {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerSubscribingEventProcessor(CampaignWatch.PROCESSING_GROUP));
    }
}
