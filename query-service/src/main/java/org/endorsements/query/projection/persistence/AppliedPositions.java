package org.endorsements.query.projection.persistence;

import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** How far the views have applied one aggregate's events: the sequence number stored in its view document. */
@Component
public class AppliedPositions {

    private final MongoTemplate mongo;
    private final ActiveViews views;

    AppliedPositions(MongoTemplate mongo, ActiveViews views) {
        this.mongo = mongo;
        this.views = views;
    }

    /** The last applied sequence of the aggregate, or empty when the views have not seen it (or know no such type). */
    public Optional<Long> appliedSequence(String aggregateType, String aggregateId) {
        ViewCollections c = views.collections();
        String collection = switch (aggregateType) {
            case "Endorsement" -> c.endorsements();
            case "Statement" -> c.statements();
            case "Organization" -> c.organizations();
            default -> null;
        };
        if (collection == null) {
            return Optional.empty();
        }
        Query query = Query.query(Criteria.where("_id").is(aggregateId));
        query.fields().include("sequence");
        Document doc = mongo.findOne(query, Document.class, collection);
        return Optional.ofNullable(doc).map(d -> ((Number) d.get("sequence")).longValue());
    }
}
