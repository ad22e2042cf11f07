package org.endorsements.query.growth.persistence;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.query.growth.GrowthBucket;
import org.endorsements.query.projection.BatchProjection;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.shared.persistence.BulkWrites;
import org.endorsements.query.shared.persistence.EmbeddedServer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Hourly growth buckets of each statement, with the statement's running count after the hour's last event. The
 * running count is kept here too ({@code growth_totals}, one document per statement), so growth needs no other
 * view. Both change once per Kafka offset (a statement's events are on one partition): the buckets are written
 * before the totals, so a crash in between re-applies only the totals.
 */
@Component
public class GrowthProjection implements BatchProjection {

    static final String GROWTH = "growth";
    static final String TOTALS = "growth_totals";
    private static final String COUNT = "count";
    private static final String APPLIED_OFFSET = "appliedOffset";

    private final MongoTemplate mongo;

    public GrowthProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return "growth";
    }

    @Override
    public List<String> collections() {
        return List.of(GROWTH, TOTALS);
    }

    @Override
    public void declareIndexes(Generation g) {
        mongo.indexOps(g.collection(GROWTH))
                .ensureIndex(new Index()
                        .on("statementId", Sort.Direction.ASC)
                        .on("hour", Sort.Direction.ASC)
                        .named("statement_hours"));
    }

    /** A statement's running count and the offset of the last endorsement event counted in it. */
    private static final class Total {
        long count;
        long appliedOffset = -1;
    }

    /** What an event did to the count: by a signer (added, withdrawn) or by moderation (invalidated, reinstated). */
    private enum Kind {
        ADDED(1),
        WITHDRAWN(-1),
        INVALIDATED(-1),
        REINSTATED(1);

        final int delta;

        Kind(int delta) {
            this.delta = delta;
        }
    }

    private record Change(String statementId, Instant at, Kind kind) {}

    @Override
    public void project(List<ProjectedEvent> batch, Generation g) {
        Set<String> statements = new HashSet<>();
        Set<String> bucketIds = new HashSet<>();
        for (ProjectedEvent e : batch) {
            Change c = change(e);
            if (c != null) {
                statements.add(c.statementId());
                bucketIds.add(GrowthBucket.idOf(c.statementId(), c.at()));
            }
        }
        if (statements.isEmpty()) {
            return;
        }
        Map<String, Total> totals = totals(g, statements);
        Map<String, GrowthBucket> buckets = new LinkedHashMap<>();
        EmbeddedServer.findByIds(mongo, bucketIds, GrowthBucket.class, g.collection(GROWTH))
                .forEach(b -> buckets.put(b.getId(), b));
        Map<String, GrowthBucket> touched = new LinkedHashMap<>();
        Set<String> touchedTotals = new HashSet<>();
        for (ProjectedEvent e : batch) {
            Change c = change(e);
            if (c == null) {
                continue;
            }
            Total total = totals.get(c.statementId());
            if (e.offset() > total.appliedOffset) {
                total.count += c.kind().delta;
                total.appliedOffset = e.offset();
                touchedTotals.add(c.statementId());
            }
            String id = GrowthBucket.idOf(c.statementId(), c.at());
            GrowthBucket bucket = buckets.computeIfAbsent(id, k -> GrowthBucket.empty(c.statementId(), c.at()));
            touched.put(id, bucket);
            if (e.offset() > bucket.getAppliedOffset()) {
                switch (c.kind()) {
                    case ADDED -> bucket.added(c.at(), total.count, e.offset());
                    case WITHDRAWN -> bucket.withdrawn(c.at(), total.count, e.offset());
                    case INVALIDATED -> bucket.invalidated(c.at(), total.count, e.offset());
                    case REINSTATED -> bucket.reinstated(c.at(), total.count, e.offset());
                }
            }
        }
        BulkWrites.replaceById(mongo, g.collection(GROWTH), BulkWrites.documents(mongo, touched.values()));
        BulkWrites.replaceById(
                mongo,
                g.collection(TOTALS),
                touchedTotals.stream()
                        .map(id -> new Document("_id", id)
                                .append(COUNT, totals.get(id).count)
                                .append(APPLIED_OFFSET, totals.get(id).appliedOffset))
                        .toList());
    }

    private Map<String, Total> totals(Generation g, Set<String> statements) {
        Map<String, Total> totals = new LinkedHashMap<>();
        for (Document d : EmbeddedServer.findByIds(mongo, statements, Document.class, g.collection(TOTALS))) {
            Total total = new Total();
            total.count = ((Number) d.get(COUNT)).longValue();
            total.appliedOffset = ((Number) d.get(APPLIED_OFFSET)).longValue();
            totals.put(d.getString("_id"), total);
        }
        for (String statementId : statements) {
            totals.computeIfAbsent(statementId, id -> fromLatestBucket(g, id));
        }
        return totals;
    }

    /**
     * A statement without a stored total: new, or projected before the totals existed. Then the bucket of its
     * latest counted event holds the running count after it (none for a new statement).
     */
    private Total fromLatestBucket(Generation g, String statementId) {
        Query query = Query.query(Criteria.where("statementId").is(statementId))
                .with(Sort.by(Sort.Direction.DESC, APPLIED_OFFSET))
                .limit(1);
        GrowthBucket latest = mongo.findOne(query, GrowthBucket.class, g.collection(GROWTH));
        Total total = new Total();
        if (latest != null) {
            total.count = latest.getCumulative();
            total.appliedOffset = latest.getAppliedOffset();
        }
        return total;
    }

    private static Change change(ProjectedEvent e) {
        if (e.event() instanceof EndorsementAdded a) {
            return new Change(a.statementId().value(), a.endorsedAt(), Kind.ADDED);
        }
        if (e.event() instanceof EndorsementWithdrawn w) {
            return new Change(w.statementId().value(), w.withdrawnAt(), Kind.WITHDRAWN);
        }
        // The cumulative count follows the statement's count, which an invalidation leaves; the bucket counts it
        // apart from withdrawals, so that a moderation clean-up does not read as signers leaving.
        if (e.event() instanceof EndorsementInvalidated i) {
            return new Change(i.statementId().value(), i.invalidatedAt(), Kind.INVALIDATED);
        }
        if (e.event() instanceof EndorsementReinstated r) {
            return new Change(r.statementId().value(), r.reinstatedAt(), Kind.REINSTATED);
        }
        return null;
    }
}
