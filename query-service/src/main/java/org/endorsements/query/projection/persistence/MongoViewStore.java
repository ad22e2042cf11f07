package org.endorsements.query.projection.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bson.Document;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.growth.GrowthBucket;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.projection.ViewStore;
import org.endorsements.query.statement.StatementView;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Views in MongoDB, read and written only by {@code _id} (the embedded server indexes nothing else) with bulk
 * writes and no transactions, so the same code runs on mongo-java-server and on a MongoDB replica set.
 */
public class MongoViewStore implements ViewStore {

    private static final String TOPIC_FIELD = "topic";
    private static final String PARTITION_FIELD = "partition";
    private static final String NEXT_OFFSET_FIELD = "nextOffset";
    /** Written only when the views are (re)started from nothing; its absence means the store lost its data. */
    private static final String MARKER_ID = "views-marker";

    private final MongoTemplate mongo;
    private final Supplier<ViewCollections> generation;
    private final String topic;

    /** {@code generation} is asked at every call, so the live store follows a replay's switch-over. */
    public MongoViewStore(MongoTemplate mongo, Supplier<ViewCollections> generation, String topic) {
        this.mongo = mongo;
        this.generation = generation;
        this.topic = topic;
    }

    @Override
    public Map<String, StatementView> statements(Set<String> ids) {
        return byId(ids, StatementView.class, generation.get().statements(), StatementView::getId);
    }

    @Override
    public Map<String, EndorsementView> endorsements(Set<String> ids) {
        return byId(ids, EndorsementView.class, generation.get().endorsements(), EndorsementView::getId);
    }

    @Override
    public Map<String, GrowthBucket> growth(Set<String> ids) {
        return byId(ids, GrowthBucket.class, generation.get().growth(), GrowthBucket::getId);
    }

    @Override
    public Map<String, OrganizationView> organizations(Set<String> ids) {
        return byId(ids, OrganizationView.class, generation.get().organizations(), OrganizationView::getId);
    }

    @Override
    public void write(Collection<AuditEntry> audit, Collection<StatementView> statements,
            Collection<GrowthBucket> growth, Collection<OrganizationView> organizations,
            Collection<EndorsementView> endorsements, Map<Integer, Long> nextOffsets) {
        // Immutable, keyed by event id: an entry already there (a re-delivered event) stays as first written.
        BulkWrites.insertImmutable(mongo, generation.get().audit(), audit.stream().map(ViewDocuments::audit).toList());
        // A statement and its current hour exist after their first event: replaced. Most organization and
        // endorsement documents of a batch are new: inserted, and replaced only where they exist.
        BulkWrites.replaceById(mongo, generation.get().statements(), documents(statements));
        BulkWrites.replaceById(mongo, generation.get().growth(), documents(growth));
        BulkWrites.upsertById(mongo, generation.get().organizations(), documents(organizations));
        BulkWrites.upsertById(mongo, generation.get().endorsements(),
                endorsements.stream().map(ViewDocuments::endorsement).toList());
        if (!nextOffsets.isEmpty()) {
            if (!intact()) {
                throw new IllegalStateException("the view store lost its data during this batch; the batch is "
                        + "retried and every view rebuilt");
            }
            BulkOperations ops = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, generation.get().positions());
            nextOffsets.forEach((partition, offset) -> ops.upsert(byIdQuery(topic + ":" + partition),
                    new Update().set(TOPIC_FIELD, topic).set(PARTITION_FIELD, partition)
                            .set(NEXT_OFFSET_FIELD, offset)));
            ops.execute();
        }
    }

    @Override
    public boolean intact() {
        return mongo.findById(MARKER_ID, Document.class, generation.get().positions()) != null;
    }

    @Override
    public void resetAfterLoss() {
        ViewCollections views = generation.get();
        // Documents only: the collections keep the secondary indexes declared for a real MongoDB.
        views.all().forEach(collection -> mongo.remove(new Query(), collection));
        mark();
    }

    /** Marks a store whose views start from nothing (a fresh generation) as this projection's. */
    public void mark() {
        mongo.upsert(byIdQuery(MARKER_ID), new Update().set("marker", true),
                generation.get().positions());
    }

    @Override
    public Map<Integer, Long> positions() {
        return readPositions().positions();
    }

    @Override
    public java.util.Optional<Map<Integer, Long>> positionsIfIntact() {
        StoredPositions stored = readPositions();
        return stored.marked() ? java.util.Optional.of(stored.positions()) : java.util.Optional.empty();
    }

    /** The marker lives in the positions collection, so one read answers both questions. */
    private record StoredPositions(Map<Integer, Long> positions, boolean marked) {
    }

    private StoredPositions readPositions() {
        Map<Integer, Long> positions = new HashMap<>();
        boolean marked = false;
        for (Document d : mongo.findAll(Document.class, generation.get().positions())) {
            if (MARKER_ID.equals(d.get("_id"))) {
                marked = true;
            } else if (topic.equals(d.getString(TOPIC_FIELD))) {
                positions.put(d.getInteger(PARTITION_FIELD), d.getLong(NEXT_OFFSET_FIELD));
            }
        }
        return new StoredPositions(positions, marked);
    }

    private List<Document> documents(Collection<?> views) {
        List<Document> documents = new java.util.ArrayList<>(views.size());
        for (Object view : views) {
            Document document = new Document();
            mongo.getConverter().write(view, document);
            documents.add(document);
        }
        return documents;
    }

    private <T> Map<String, T> byId(Set<String> ids, Class<T> type, String collection, Function<T, String> id) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<T> found = IdLookups.find(mongo, ids, type, collection);
        return found.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    private static Query byIdQuery(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
