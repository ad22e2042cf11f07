package org.endorsements.query.projection.persistence;

import java.util.Optional;
import org.endorsements.events.AggregateType;
import org.endorsements.query.projection.AggregatePositions;
import org.endorsements.query.projection.EngineStore;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.projection.ProjectionProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The engine's per-aggregate sequences in the live generation; one read by {@code _id}. */
@Component
class LiveAggregatePositions implements AggregatePositions {

    private final MongoEngineStore store;
    private final LiveGeneration live;

    LiveAggregatePositions(MongoTemplate mongo, ProjectionProperties properties, LiveGeneration live) {
        this.store = new MongoEngineStore(mongo, properties.topic());
        this.live = live;
    }

    @Override
    public Optional<Long> appliedSequence(AggregateType type, String aggregateId) {
        return store.sequence(live.current(), EngineStore.aggregateKey(type.wireName(), aggregateId));
    }
}
