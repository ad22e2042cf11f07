package org.endorsements.query.shared.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every access that is shaped the way it is only because of the embedded MongoDB-compatible server
 * (mongo-java-server), which is the query service's default store. That server indexes only exact {@code _id}
 * filters, has no transactions and applies an upsert's replacement field by field; the code here stays correct
 * and cheap on a real MongoDB, which does not need it. (The other consequences live where they must: every write
 * of the views is by {@code _id} with no transaction, so a batch's writes are ordered to be repaired by
 * re-delivery; and the views' health is checked by a plain read, because the server does not know the
 * {@code hello} command Spring Boot's indicator sends.)
 */
public final class EmbeddedServer {

    /** Ids asked per {@code $in} query; see {@link #findByIds}. */
    static final int CHUNK = 64;

    private static final int DUPLICATE_KEY = 11000;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private EmbeddedServer() {}

    /**
     * Documents by {@code _id}, asked in chunks. The embedded server finds the candidates of an
     * {@code _id: {$in: …}} query through its index but then matches each one against the whole list again, which
     * makes one query of k ids cost k²: a replay batch of 500 ids spent most of its time there. Chunks of
     * {@value #CHUNK} keep that small and cost a real MongoDB only a few more round trips.
     */
    public static <T> List<T> findByIds(MongoTemplate mongo, Collection<String> ids, Class<T> type, String collection) {
        List<String> all = List.copyOf(ids);
        List<T> found = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += CHUNK) {
            Query query = Query.query(Criteria.where("_id").in(all.subList(from, Math.min(all.size(), from + CHUNK))));
            found.addAll(mongo.find(query, type, collection));
        }
        return found;
    }

    /**
     * Like {@link BulkWrites#replaceById}, but inserts first and replaces only the documents that already exist. The
     * embedded server applies an upsert's replacement field by field, which made upserts its largest cost; most
     * documents a batch writes are new (a new signature, and every document of a replay).
     */
    public static void upsertById(MongoTemplate mongo, String collection, List<org.bson.Document> documents) {
        BulkWrites.replaceById(mongo, collection, insertNew(mongo, collection, documents));
    }

    /**
     * Inserts immutable documents (keyed by what they record, e.g. an event id). One that is already there was
     * written by an earlier attempt at the same batch and holds the same content, so it is left as it is. Far
     * cheaper than an upsert on the embedded server, which applies an upsert's document field by field.
     */
    public static void insertImmutable(MongoTemplate mongo, String collection, List<org.bson.Document> documents) {
        insertNew(mongo, collection, documents);
    }

    /** Inserts every document whose {@code _id} is new; returns those that already existed. Any other error fails. */
    private static List<org.bson.Document> insertNew(
            MongoTemplate mongo, String collection, List<org.bson.Document> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<WriteModel<org.bson.Document>> inserts = new ArrayList<>(documents.size());
        for (org.bson.Document document : documents) {
            inserts.add(new InsertOneModel<>(document));
        }
        try {
            mongo.getCollection(collection).bulkWrite(inserts, UNORDERED);
            return List.of();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null
                    || !e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
            return e.getWriteErrors().stream()
                    .map(error -> documents.get(error.getIndex()))
                    .toList();
        }
    }
}
