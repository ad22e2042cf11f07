package org.endorsements.query.audit.persistence;

import static org.endorsements.query.shared.persistence.Cursors.batched;

import java.util.List;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.projection.persistence.ActiveViews;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
public class AuditQueries {

    private final MongoTemplate mongo;
    private final ActiveViews views;

    AuditQueries(MongoTemplate mongo, ActiveViews views) {
        this.mongo = mongo;
        this.views = views;
    }

    /** A statement's events in the order they stand on the topic (one partition holds them all). */
    public List<AuditEntry> ofStatement(String statementId, int page, int size) {
        Query query = byField("statementId", statementId)
                .with(Sort.by("offset", "occurredAt")).skip((long) page * size).limit(size);
        return mongo.find(query, AuditEntry.class, views.collections().audit());
    }

    /** An organization's events, its own and its endorsements of any statement, in time order. */
    public List<AuditEntry> ofOrganization(String organizationId, int page, int size) {
        Query query = byField("organizationId", organizationId)
                .with(Sort.by("occurredAt", "offset")).skip((long) page * size).limit(size);
        return mongo.find(query, AuditEntry.class, views.collections().audit());
    }

    public long countOfStatement(String statementId) {
        return mongo.count(byField("statementId", statementId), views.collections().audit());
    }

    public long countOfOrganization(String organizationId) {
        return mongo.count(byField("organizationId", organizationId), views.collections().audit());
    }

    /** The last event of one aggregate (e.g. an organization's endorsement of a statement), if any. */
    public java.util.Optional<AuditEntry> latestOfAggregate(String aggregateId) {
        Query query = byField("aggregateId", aggregateId).with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1);
        return java.util.Optional.ofNullable(mongo.findOne(query, AuditEntry.class, views.collections().audit()));
    }

    /** Every event of one aggregate, in its order (an organization's whole history on a statement). */
    public List<AuditEntry> allOfAggregate(String aggregateId) {
        return mongo.find(byField("aggregateId", aggregateId).with(Sort.by("sequence")), AuditEntry.class,
                views.collections().audit());
    }

    /** Every entry of a statement, for recounting. */
    public List<AuditEntry> allOfStatement(String statementId) {
        return mongo.find(batched(byField("statementId", statementId)), AuditEntry.class,
                views.collections().audit());
    }

    private static Query byField(String field, String value) {
        return Query.query(Criteria.where(field).is(value));
    }
}
