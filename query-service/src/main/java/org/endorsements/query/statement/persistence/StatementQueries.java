package org.endorsements.query.statement.persistence;

import java.util.List;
import java.util.Optional;
import org.endorsements.query.projection.persistence.ActiveViews;
import org.endorsements.query.statement.StatementView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
public class StatementQueries {

    private final MongoTemplate mongo;
    private final ActiveViews views;

    StatementQueries(MongoTemplate mongo, ActiveViews views) {
        this.mongo = mongo;
        this.views = views;
    }

    public Optional<StatementView> find(String statementId) {
        return Optional.ofNullable(mongo.findById(statementId, StatementView.class, views.collections().statements()))
                .filter(StatementView::isPublished);
    }

    /**
     * Where the statement's view stands: the generation of the views, the statement's last sequence and the offset
     * of the last endorsement event counted in it. Results computed from the statement's views alone are the same
     * for the same position.
     */
    public String position(StatementView statement) {
        return views.collections().generation() + ":" + statement.getSequence() + ":" + statement.getAppliedOffset();
    }

    /** Published statements, newest first. */
    public List<StatementView> all() {
        Query query = Query.query(Criteria.where("publishedAt").ne(null))
                .with(Sort.by(Sort.Direction.DESC, "publishedAt"));
        return mongo.find(query, StatementView.class, views.collections().statements());
    }
}
