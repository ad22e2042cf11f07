package org.endorsements.query.projection.persistence;

import org.endorsements.query.projection.LiveGeneration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Says at start which MongoDB and which Kafka cluster this instance uses (no credentials). */
@Component
class ConnectionReport {

    private static final Logger log = LoggerFactory.getLogger(ConnectionReport.class);

    private final MongoTemplate mongo;
    private final Environment environment;
    private final LiveGeneration live;

    ConnectionReport(MongoTemplate mongo, Environment environment, LiveGeneration live) {
        this.mongo = mongo;
        this.environment = environment;
        this.live = live;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String uri = environment.getProperty("spring.data.mongodb.uri", "");
        log.info(
                "Views: MongoDB at {} (database {}, generation {})",
                uri.replaceAll("//[^@/]*@", "//***@"),
                mongo.getDb().getName(),
                live.current().number());
        log.info("Kafka: {}", environment.getProperty("spring.kafka.bootstrap-servers"));
    }
}
