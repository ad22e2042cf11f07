package org.endorsements.query.statement.persistence;

import static org.endorsements.query.shared.persistence.Cursors.batched;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.Statements;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
public class StatementQueries implements Statements {

    private final MongoTemplate mongo;
    private final LiveGeneration live;

    public StatementQueries(MongoTemplate mongo, LiveGeneration live) {
        this.mongo = mongo;
        this.live = live;
    }

    private String statements() {
        return live.current().collection(StatementProjection.STATEMENTS);
    }

    @Override
    public Optional<StatementView> find(String statementId) {
        return Optional.ofNullable(mongo.findById(statementId, StatementView.class, statements()))
                .filter(StatementView::isPublished);
    }

    @Override
    public String position(StatementView statement) {
        return live.current().number() + ":" + statement.getSequence() + ":" + statement.getAppliedOffset();
    }

    @Override
    public List<StatementView> all() {
        Query query =
                Query.query(Criteria.where("publishedAt").ne(null)).with(Sort.by(Sort.Direction.DESC, "publishedAt"));
        return mongo.find(query, StatementView.class, statements());
    }

    @Override
    public List<StatementView> views() {
        return mongo.find(batched(new Query()), StatementView.class, statements());
    }

    @Override
    public List<StatementView> views(Collection<String> statementIds) {
        return mongo.find(
                batched(Query.query(Criteria.where("_id").in(statementIds))), StatementView.class, statements());
    }
}
