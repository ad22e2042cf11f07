package org.endorsements.query.shared.persistence;

import org.springframework.data.mongodb.core.query.Query;

/**
 * Queries that may return a whole statement's documents ask for them in batches.
 * <p>
 * Without a batch size the embedded MongoDB-compatible server answers a cursor's next request with everything that
 * is left in one reply: for a statement with hundreds of thousands of signatures that is beyond the driver's 48 MB
 * limit, and {@code asOf} reads, exports and the reconciliation would fail. A real MongoDB caps replies at 16 MB on
 * its own; the batch size does no harm there.
 */
public final class Cursors {

    /** Documents per reply: small documents, so about a megabyte. */
    public static final int BATCH_SIZE = 2_000;

    private Cursors() {}

    /** The same query, read in batches of {@link #BATCH_SIZE}. */
    public static Query batched(Query query) {
        return query.cursorBatchSize(BATCH_SIZE);
    }
}
