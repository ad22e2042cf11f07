package org.endorsements.query.projection.persistence;

import org.endorsements.query.projection.LiveGeneration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by a plain read, which every MongoDB-compatible server answers. (Spring Boot's own indicator
 * sends the 'hello' command, which the embedded server does not know; it is switched off in application.yml.)
 */
@Component("viewStore")
class ProjectionHealthIndicator implements HealthIndicator {

    private final MongoTemplate mongo;
    private final LiveGeneration live;

    ProjectionHealthIndicator(MongoTemplate mongo, LiveGeneration live) {
        this.mongo = mongo;
        this.live = live;
    }

    @Override
    public Health health() {
        try {
            long aggregates = mongo.estimatedCount(live.current().collection(MongoEngineStore.AGGREGATES));
            return Health.up()
                    .withDetail("generation", live.current().number())
                    .withDetail("aggregates", aggregates)
                    .build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", "MongoDB is not reachable").build();
        }
    }
}
