package org.endorsements.query.projection.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Documents by {@code _id}, asked in chunks. The embedded server finds the candidates of an {@code _id: {$in: …}}
 * query through its index but then matches each one against the whole list again, which makes one query of k ids
 * cost k²: a replay batch of 500 ids spent most of its time there. Chunks of {@value #CHUNK} keep that small and
 * cost a real MongoDB only a few more round trips.
 */
public final class IdLookups {

    static final int CHUNK = 64;

    private IdLookups() {
    }

    public static <T> List<T> find(MongoTemplate mongo, Collection<String> ids, Class<T> type, String collection) {
        List<String> all = List.copyOf(ids);
        List<T> found = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += CHUNK) {
            Query query = Query.query(Criteria.where("_id").in(all.subList(from, Math.min(all.size(), from + CHUNK))));
            found.addAll(mongo.find(query, type, collection));
        }
        return found;
    }
}
