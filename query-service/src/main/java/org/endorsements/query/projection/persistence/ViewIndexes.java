package org.endorsements.query.projection.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The secondary indexes the read API's queries need on a real MongoDB. Writes never need them (every write is by
 * {@code _id}); the embedded server ignores secondary indexes ("not yet implemented") and scans.
 */
@Component
public class ViewIndexes {

    private static final Logger log = LoggerFactory.getLogger(ViewIndexes.class);

    private final MongoTemplate mongo;

    ViewIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void declare(ViewCollections c) {
        try {
            ensure(c.endorsements(), new Index().on("statementId", Sort.Direction.ASC)
                    .on("endorsed", Sort.Direction.ASC).on("sortKey", Sort.Direction.ASC).named("current_by_order"));
            ensure(c.audit(), new Index().on("statementId", Sort.Direction.ASC).on("offset", Sort.Direction.ASC)
                    .named("statement_history"));
            ensure(c.audit(), new Index().on("statementId", Sort.Direction.ASC).on("type", Sort.Direction.ASC)
                    .on("occurredAt", Sort.Direction.ASC).named("statement_as_of"));
            ensure(c.audit(), new Index().on("organizationId", Sort.Direction.ASC)
                    .on("occurredAt", Sort.Direction.ASC).named("organization_history"));
            ensure(c.growth(), new Index().on("statementId", Sort.Direction.ASC).on("hour", Sort.Direction.ASC)
                    .named("statement_hours"));
            ensure(c.statements(), new Index().on("publishedAt", Sort.Direction.DESC).named("newest_first"));
        } catch (RuntimeException e) {
            log.warn("Could not declare the views' secondary indexes ({}); queries scan instead", e.getMessage());
        }
    }

    private void ensure(String collection, Index index) {
        mongo.indexOps(collection).ensureIndex(index);
    }
}
