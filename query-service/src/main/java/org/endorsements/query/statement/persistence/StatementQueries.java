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

    /** Published statements, newest first. */
    public List<StatementView> all() {
        Query query = Query.query(Criteria.where("publishedAt").ne(null))
                .with(Sort.by(Sort.Direction.DESC, "publishedAt"));
        return mongo.find(query, StatementView.class, views.collections().statements());
    }
}
