package org.endorsements.query.shared.persistence;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The projections' writes, as plain driver bulk writes of ready documents. Spring Data's bulk operations map every
 * query and update through the entity metadata again, which cost the projection about a sixth of its time; the
 * documents here are already in their stored form.
 */
public final class BulkWrites {

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private BulkWrites() {}

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

    /** Each view mapped by Spring Data's converter to its stored form. */
    public static List<Document> documents(MongoTemplate mongo, Collection<?> views) {
        List<Document> documents = new ArrayList<>(views.size());
        for (Object view : views) {
            Document document = new Document();
            mongo.getConverter().write(view, document);
            documents.add(document);
        }
        return documents;
    }
}
