package org.endorsements.query.log.persistence;

import java.util.List;
import org.endorsements.query.log.LogProjector;
import org.endorsements.query.projection.BatchProjection;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.ProjectedEvent;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The statements' Merkle logs as one projection of the topic: {@link LogProjector} over the generation's store. */
@Component
public class LogProjection implements BatchProjection {

    private final MongoTemplate mongo;

    public LogProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public List<String> collections() {
        return MongoLogStore.ALL;
    }

    @Override
    public void project(List<ProjectedEvent> batch, Generation generation) {
        new LogProjector(new MongoLogStore(mongo, () -> generation)).project(batch);
    }
}
