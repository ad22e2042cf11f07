package org.endorsements.query.growth.persistence;

import java.time.Instant;
import java.util.List;
import org.endorsements.query.growth.GrowthBucket;
import org.endorsements.query.projection.LiveGeneration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
public class GrowthQueries {

    private final MongoTemplate mongo;
    private final LiveGeneration live;

    GrowthQueries(MongoTemplate mongo, LiveGeneration live) {
        this.mongo = mongo;
        this.live = live;
    }

    /** Hourly buckets of a statement with activity in [from, to), oldest first. */
    public List<GrowthBucket> hourly(String statementId, Instant from, Instant to) {
        Query query = Query.query(Criteria.where("statementId")
                        .is(statementId)
                        .and("hour")
                        .gte(from)
                        .lt(to))
                .with(Sort.by("hour"));
        return mongo.find(query, GrowthBucket.class, live.current().collection(GrowthProjection.GROWTH));
    }
}
