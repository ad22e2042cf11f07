package org.endorsements.query.endorsement.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.projection.persistence.ActiveViews;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
public class EndorsementQueries {

    static final String ADDED = "org.endorsements.EndorsementAdded.v1";
    static final String WITHDRAWN = "org.endorsements.EndorsementWithdrawn.v1";

    private final MongoTemplate mongo;
    private final ActiveViews views;

    EndorsementQueries(MongoTemplate mongo, ActiveViews views) {
        this.mongo = mongo;
        this.views = views;
    }

    /** Current signatories in document order: letter entries by number, then later signatures by time. */
    public List<EndorsementView> currentSignatories(String statementId, int page, int size) {
        Query query = currentQuery(statementId).with(Sort.by("sortKey")).skip((long) page * size).limit(size);
        return mongo.find(query, EndorsementView.class, views.collections().endorsements());
    }

    public long countCurrent(String statementId) {
        return mongo.count(currentQuery(statementId), views.collections().endorsements());
    }

    /**
     * The signatories at an instant, replayed from the audit trail: each organization's last endorsement event at
     * or before {@code asOf} decides. Returned as the audit entries of the endorsements that were in force.
     */
    public List<AuditEntry> signatoriesAsOf(String statementId, Instant asOf) {
        Query query = Query.query(Criteria.where("statementId").is(statementId)
                .and("type").in(ADDED, WITHDRAWN)
                .and("occurredAt").lte(asOf));
        List<AuditEntry> entries = new ArrayList<>(mongo.find(query, AuditEntry.class, views.collections().audit()));
        entries.sort(Comparator.comparing(AuditEntry::aggregateId).thenComparingLong(AuditEntry::sequence));
        Map<String, AuditEntry> last = new LinkedHashMap<>();
        for (AuditEntry entry : entries) {
            last.put(entry.aggregateId(), entry);
        }
        return last.values().stream().filter(e -> ADDED.equals(e.type())).toList();
    }

    private static Query currentQuery(String statementId) {
        return Query.query(Criteria.where("statementId").is(statementId).and("endorsed").is(true));
    }
}
