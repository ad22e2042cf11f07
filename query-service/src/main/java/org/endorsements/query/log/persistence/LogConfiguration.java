package org.endorsements.query.log.persistence;

import org.endorsements.query.projection.LiveGeneration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class LogConfiguration {

    /** The live generation's logs, for reads, checkpoints and receipts. */
    @Bean
    MongoLogStore liveLogStore(MongoTemplate mongo, LiveGeneration live) {
        return new MongoLogStore(mongo, live::current);
    }
}
