package org.endorsements.query.projection.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
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
    /** Chunks read side by side by {@link #findConcurrently}: a few, so that a large lookup takes a few threads. */
    static final int LANES = 4;

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

    /**
     * Like {@link #find}, with the chunks read in up to {@value #LANES} lanes at once: for the projection, whose
     * batches look up hundreds of ids in every collection they touch.
     */
    public static <T> List<T> findConcurrently(MongoTemplate mongo, Collection<String> ids, Class<T> type,
            String collection) {
        List<String> all = List.copyOf(ids);
        int chunks = (all.size() + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            return find(mongo, all, type, collection);
        }
        int lanes = Math.min(LANES, chunks);
        int perLane = (chunks + lanes - 1) / lanes * CHUNK;
        List<Callable<List<T>>> tasks = new ArrayList<>(lanes);
        for (int from = 0; from < all.size(); from += perLane) {
            List<String> lane = all.subList(from, Math.min(all.size(), from + perLane));
            tasks.add(() -> find(mongo, lane, type, collection));
        }
        List<T> found = new ArrayList<>(all.size());
        Concurrently.call(tasks).forEach(found::addAll);
        return found;
    }
}
