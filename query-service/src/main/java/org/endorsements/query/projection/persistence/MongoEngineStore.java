package org.endorsements.query.projection.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.endorsements.query.projection.EngineStore;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.shared.persistence.EmbeddedServer;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The engine's positions in MongoDB: {@code positions} (next offset per partition, and the marker that says the
 * generation holds this projection's data) and {@code aggregates} (highest sequence applied per aggregate), read and
 * written by {@code _id} only.
 */
public class MongoEngineStore implements EngineStore {

    static final String POSITIONS = "positions";
    static final String AGGREGATES = "aggregates";
    private static final String TOPIC_FIELD = "topic";
    private static final String PARTITION_FIELD = "partition";
    private static final String NEXT_OFFSET_FIELD = "nextOffset";
    private static final String SEQUENCE_FIELD = "sequence";
    /** Written only when a generation is (re)started from nothing; its absence means the store lost its data. */
    private static final String MARKER_ID = "views-marker";

    private static final String FORMAT_FIELD = "format";
    /**
     * The marker's format: a generation marked by a version before the engine kept its aggregates' sequences has
     * none, and counts as holding no views of this projection, so it is rebuilt from the topic once rather than
     * projected into (its missing sequences would let a re-published event count twice).
     */
    private static final int FORMAT = 2;

    private final MongoTemplate mongo;
    private final String topic;

    public MongoEngineStore(MongoTemplate mongo, String topic) {
        this.mongo = mongo;
        this.topic = topic;
    }

    @Override
    public List<String> collections() {
        return List.of(POSITIONS, AGGREGATES);
    }

    @Override
    public Map<String, Long> sequences(Generation generation, Set<String> aggregateKeys) {
        Map<String, Long> sequences = new HashMap<>();
        EmbeddedServer.findByIds(mongo, aggregateKeys, Document.class, generation.collection(AGGREGATES))
                .forEach(d -> sequences.put(d.getString("_id"), ((Number) d.get(SEQUENCE_FIELD)).longValue()));
        return sequences;
    }

    /** The highest applied sequence of one aggregate, or empty when the generation has not seen it. */
    public Optional<Long> sequence(Generation generation, String aggregateKey) {
        Document doc = mongo.findById(aggregateKey, Document.class, generation.collection(AGGREGATES));
        return Optional.ofNullable(doc).map(d -> ((Number) d.get(SEQUENCE_FIELD)).longValue());
    }

    @Override
    public void write(Generation generation, Map<String, Long> sequences, Map<Integer, Long> nextOffsets) {
        // Most aggregates of a batch are new (a new signature, and every one of a replay): inserted first.
        EmbeddedServer.upsertById(
                mongo,
                generation.collection(AGGREGATES),
                sequences.entrySet().stream()
                        .map(e -> new Document("_id", e.getKey()).append(SEQUENCE_FIELD, e.getValue()))
                        .toList());
        if (nextOffsets.isEmpty()) {
            return;
        }
        if (!intact(generation)) {
            throw new IllegalStateException(
                    "the view store lost its data during this batch; the batch is retried and every view rebuilt");
        }
        BulkOperations ops = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, generation.collection(POSITIONS));
        nextOffsets.forEach((partition, offset) -> ops.upsert(
                byId(topic + ":" + partition),
                new Update()
                        .set(TOPIC_FIELD, topic)
                        .set(PARTITION_FIELD, partition)
                        .set(NEXT_OFFSET_FIELD, offset)));
        ops.execute();
    }

    @Override
    public Map<Integer, Long> positions(Generation generation) {
        return read(generation).positions();
    }

    @Override
    public Optional<Map<Integer, Long>> positionsIfIntact(Generation generation) {
        StoredPositions stored = read(generation);
        return stored.marked() ? Optional.of(stored.positions()) : Optional.empty();
    }

    @Override
    public void reset(Generation generation, Collection<String> collections) {
        // Documents only: the collections keep the secondary indexes declared for a real MongoDB.
        collections.forEach(collection -> mongo.remove(new Query(), collection));
        mark(generation);
    }

    @Override
    public void mark(Generation generation) {
        mongo.upsert(
                byId(MARKER_ID),
                new Update().set("marker", true).set(FORMAT_FIELD, FORMAT),
                generation.collection(POSITIONS));
    }

    private boolean intact(Generation generation) {
        return isCurrentMarker(mongo.findById(MARKER_ID, Document.class, generation.collection(POSITIONS)));
    }

    private static boolean isCurrentMarker(Document marker) {
        return marker != null && marker.get(FORMAT_FIELD) instanceof Number format && format.intValue() == FORMAT;
    }

    /** The marker lives in the positions collection, so one read answers both questions. */
    private record StoredPositions(Map<Integer, Long> positions, boolean marked) {}

    private StoredPositions read(Generation generation) {
        Map<Integer, Long> positions = new HashMap<>();
        boolean marked = false;
        for (Document d : mongo.findAll(Document.class, generation.collection(POSITIONS))) {
            if (MARKER_ID.equals(d.get("_id"))) {
                marked = isCurrentMarker(d);
            } else if (topic.equals(d.getString(TOPIC_FIELD))) {
                positions.put(d.getInteger(PARTITION_FIELD), d.getLong(NEXT_OFFSET_FIELD));
            }
        }
        return new StoredPositions(positions, marked);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
