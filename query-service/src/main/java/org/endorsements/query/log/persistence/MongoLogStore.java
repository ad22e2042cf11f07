package org.endorsements.query.log.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.Binary;
import org.endorsements.events.EndorsementId;
import org.endorsements.query.log.LogState;
import org.endorsements.query.log.LogStore;
import org.endorsements.query.log.LogWrites;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.shared.persistence.BulkWrites;
import org.endorsements.query.shared.persistence.EmbeddedServer;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.NodeSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The statements' logs in MongoDB, by {@code _id} only, like every view. */
public class MongoLogStore implements LogStore {

    static final String STATES = "log_states";
    static final String LEAVES = "log_leaves";
    static final String NODES = "log_nodes";
    static final String EVENTS = "log_events";
    static final String SIGNERS = "log_signers";
    static final String CHECKPOINTS = "log_checkpoints";
    /** Every collection of the logs, the checkpoints included: a replay rebuilds and re-signs them all. */
    static final List<String> ALL = List.of(STATES, LEAVES, NODES, EVENTS, SIGNERS, CHECKPOINTS);

    private final MongoTemplate mongo;
    private final Supplier<Generation> generation;

    /** {@code generation} is asked at every call, so the live store follows a replay's switch-over. */
    public MongoLogStore(MongoTemplate mongo, Supplier<Generation> generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    @Override
    public Map<String, LogState> states(Set<String> statementIds) {
        Map<String, LogState> states = new HashMap<>();
        EmbeddedServer.findByIds(
                        mongo, statementIds, LogState.class, generation.get().collection(STATES))
                .forEach(s -> states.put(s.statementId(), s));
        return states;
    }

    public Optional<LogState> state(String statementId) {
        return Optional.ofNullable(
                mongo.findById(statementId, LogState.class, generation.get().collection(STATES)));
    }

    public List<LogState> allStates() {
        return mongo.findAll(LogState.class, generation.get().collection(STATES));
    }

    @Override
    public Map<String, Long> eventIndexes(Set<String> eventIds) {
        Map<String, Long> indexes = new HashMap<>();
        EmbeddedServer.findByIds(
                        mongo, eventIds, Document.class, generation.get().collection(EVENTS))
                .forEach(d -> indexes.put(d.getString("_id"), ((Number) d.get("index")).longValue()));
        return indexes;
    }

    public Optional<Long> eventIndex(String statementId, String eventId) {
        Document doc = mongo.findById(eventId, Document.class, generation.get().collection(EVENTS));
        return Optional.ofNullable(doc)
                .filter(d -> statementId.equals(d.getString("statementId")))
                .map(d -> ((Number) d.get("index")).longValue());
    }

    @Override
    public Map<String, String> openings(Set<String> ids) {
        Map<String, String> openings = new HashMap<>();
        EmbeddedServer.findByIds(mongo, ids, Document.class, generation.get().collection(SIGNERS))
                .forEach(d -> openings.put(d.getString("_id"), d.getString("opening")));
        return openings;
    }

    @Override
    public void write(
            Collection<LogWrites.Leaf> leaves,
            Collection<LogWrites.Node> nodes,
            Map<String, String> openings,
            Collection<LogState> states) {
        Generation c = generation.get();
        // Leaves, nodes, event indexes and most openings are new: inserted, and replaced only where they exist.
        upsert(
                c.collection(LEAVES),
                leaves.stream()
                        .map(l -> new Document("_id", l.statementId() + ":" + l.index())
                                .append("statementId", l.statementId())
                                .append("index", l.index())
                                .append("bytes", new Binary(l.bytes()))
                                .append("hash", l.hash())
                                .append("eventId", l.eventId()))
                        .toList());
        // A level-0 node is a leaf's hash, already in the leaf's document: storing it again would cost one more
        // document per event.
        upsert(
                c.collection(NODES),
                nodes.stream()
                        .filter(n -> n.level() > 0)
                        .map(n -> new Document("_id", nodeId(n.statementId(), n.level(), n.index()))
                                .append("hash", n.hash()))
                        .toList());
        upsert(
                c.collection(EVENTS),
                leaves.stream()
                        .map(l -> new Document("_id", l.eventId())
                                .append("statementId", l.statementId())
                                .append("index", l.index()))
                        .toList());
        upsert(
                c.collection(SIGNERS),
                openings.entrySet().stream()
                        .map(e -> new Document("_id", e.getKey()).append("opening", e.getValue()))
                        .toList());
        BulkWrites.replaceById(
                mongo,
                c.collection(STATES),
                states.stream()
                        .map(state -> {
                            Document doc = new Document();
                            mongo.getConverter().write(state, doc);
                            return doc;
                        })
                        .toList());
    }

    /** Leaf bytes [start, end) of a statement's log, in order. */
    public List<byte[]> leaves(String statementId, long start, long end) {
        List<String> ids = new java.util.ArrayList<>();
        for (long i = start; i < end; i++) {
            ids.add(statementId + ":" + i);
        }
        return EmbeddedServer.findByIds(
                        mongo, ids, Document.class, generation.get().collection(LEAVES))
                .stream()
                .sorted(java.util.Comparator.comparingLong(d -> ((Number) d.get("index")).longValue()))
                .map(d -> d.get("bytes", Binary.class).getData())
                .toList();
    }

    /** The stored perfect subtrees of one statement's log, for proofs. */
    public NodeSource nodes(String statementId) {
        Generation c = generation.get();
        return (level, index) -> {
            Document doc = level == 0
                    ? mongo.findById(statementId + ":" + index, Document.class, c.collection(LEAVES))
                    : mongo.findById(nodeId(statementId, level, index), Document.class, c.collection(NODES));
            if (doc == null) {
                throw new IllegalStateException(
                        "log node " + level + "/" + index + " of " + statementId + " is missing");
            }
            return Hashes.fromHex(doc.getString("hash"));
        };
    }

    public Optional<String> opening(String statementId, String organizationId) {
        Document doc = mongo.findById(
                EndorsementId.of(statementId, organizationId).value(),
                Document.class,
                generation.get().collection(SIGNERS));
        return Optional.ofNullable(doc).map(d -> d.getString("opening"));
    }

    /**
     * Saves a checkpoint unless one of the same or a larger size is there: several instances sign the same logs,
     * and one that read a smaller tree a moment earlier must neither move the checkpoint back nor reset the
     * witnesses of a checkpoint of the same size (the same tree, the same key: the same note). False when it was
     * not saved.
     */
    public boolean saveCheckpoint(String statementId, long size, String rootHex, String note) {
        try {
            mongo.upsert(
                    Query.query(
                            Criteria.where("_id").is(statementId).and("size").lt(size)),
                    new org.springframework.data.mongodb.core.query.Update()
                            .set("size", size)
                            .set("root", rootHex)
                            .set("note", note)
                            .set("witnessed", List.of()),
                    generation.get().collection(CHECKPOINTS));
            return true;
        } catch (org.springframework.dao.DuplicateKeyException sameOrLarger) {
            // The filter matched nothing because the checkpoint there is not smaller; the upsert's insert of the
            // same _id is refused: another instance signed this size or a larger one first.
            return false;
        }
    }

    /** Replaces the note of the checkpoint at {@code size}, with more signatures on the same text. */
    public void replaceNote(String statementId, long size, String note) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(statementId).and("size").is(size)),
                new org.springframework.data.mongodb.core.query.Update().set("note", note),
                generation.get().collection(CHECKPOINTS));
    }

    /** Replaces the note of the checkpoint at {@code size} by one with a new witness's cosignature added. */
    public void saveCosignature(String statementId, long size, String note, String witnessName) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(statementId).and("size").is(size)),
                new org.springframework.data.mongodb.core.query.Update()
                        .set("note", note)
                        .addToSet("witnessed", witnessName),
                generation.get().collection(CHECKPOINTS));
    }

    public Optional<Document> checkpoint(String statementId) {
        return Optional.ofNullable(
                mongo.findById(statementId, Document.class, generation.get().collection(CHECKPOINTS)));
    }

    private void upsert(String collection, List<Document> documents) {
        EmbeddedServer.upsertById(mongo, collection, documents);
    }

    private static String nodeId(String statementId, int level, long index) {
        return statementId + ":" + level + ":" + index;
    }
}
