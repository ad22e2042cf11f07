package org.endorsements.query.projection.persistence;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by a plain read, which every MongoDB-compatible server answers. (Spring Boot's own indicator
 * sends the 'hello' command, which the embedded server does not know; it is switched off in application.yml.)
 */
@Component("viewStore")
class ViewStoreHealthIndicator implements HealthIndicator {

    private final MongoTemplate mongo;
    private final ActiveViews views;

    ViewStoreHealthIndicator(MongoTemplate mongo, ActiveViews views) {
        this.mongo = mongo;
        this.views = views;
    }

    @Override
    public Health health() {
        try {
            long statements = mongo.estimatedCount(views.collections().statements());
            return Health.up().withDetail("generation", views.collections().generation())
                    .withDetail("statements", statements).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", "MongoDB is not reachable").build();
        }
    }
}
