package org.endorsements.query.projection.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The projection's writes, as plain driver bulk writes of ready documents. Spring Data's bulk operations map every
 * query and update through the entity metadata again, which cost the projection about a sixth of its time; the
 * documents here are already in their stored form.
 */
public final class BulkWrites {

    private static final int DUPLICATE_KEY = 11000;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private BulkWrites() {
    }

    /** Each document replaces the one with its {@code _id}, or is inserted. */
    public static void replaceById(MongoTemplate mongo, String collection, Collection<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
        for (Document document : documents) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, UPSERT));
        }
        mongo.getCollection(collection).bulkWrite(writes, UNORDERED);
    }

    /**
     * Like {@link #replaceById}, but inserts first and replaces only the documents that already exist. The embedded
     * server applies an upsert's replacement field by field, which made upserts its largest cost; most documents a
     * batch writes are new (a new signature, and every document of a replay).
     */
    public static void upsertById(MongoTemplate mongo, String collection, List<Document> documents) {
        replaceById(mongo, collection, insertNew(mongo, collection, documents));
    }

    /**
     * Inserts immutable documents (keyed by what they record, e.g. an event id). One that is already there was
     * written by an earlier attempt at the same batch and holds the same content, so it is left as it is. Far
     * cheaper than an upsert on the embedded server, which applies an upsert's document field by field.
     */
    public static void insertImmutable(MongoTemplate mongo, String collection, List<Document> documents) {
        insertNew(mongo, collection, documents);
    }

    /** Inserts every document whose {@code _id} is new; returns those that already existed. Any other error fails. */
    private static List<Document> insertNew(MongoTemplate mongo, String collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<WriteModel<Document>> inserts = new ArrayList<>(documents.size());
        for (Document document : documents) {
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
            return e.getWriteErrors().stream().map(error -> documents.get(error.getIndex())).toList();
        }
    }
}
