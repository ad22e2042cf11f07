package org.endorsements.query.projection;

import java.util.List;

/**
 * The engine's one extension point: a feature's projection of the topic into collections of its own. The engine
 * hands it only events new to their aggregate (by aggregate sequence), in topic order, and writes its own
 * position once every projection has written; a crash in between re-delivers the batch, so each projection
 * guards itself against events it has already written at the same offset. Projections are independent: none
 * reads another's collections. Readers are not: a read that sees one view at a batch's position may read another
 * view of the same batch, and results are cached under the statement view's position. So the engine writes the
 * projections in the order they declare ({@link #writeOrder()}, lowest first; ties in the order given), never in
 * whatever order the container happens to list its beans.
 */
public interface BatchProjection {

    /** The order of a projection whose writes nothing else waits for. */
    int VIEWS = 0;

    /**
     * The order of the statement's view, written after every other: its position keys cached results (past lists,
     * breakdowns) and its counts wake the live streams, so a reader that sees the new position must find the
     * signatory lists, visibilities, organizations and audit trail of the same batch already written. Written
     * before them, a list read in between would be cached under the new position with what the batch changed
     * missing, e.g. naming a signatory the batch made counted.
     */
    int POSITION_KEYS = 100;

    /** A short name for logs. */
    String name();

    /** The base names of the collections it owns; {@link Generation#collection} adds the generation suffix. */
    List<String> collections();

    /** The secondary indexes its queries need on a real MongoDB (writes are by {@code _id} only). */
    default void declareIndexes(Generation generation) {}

    /** When the engine writes this projection within a batch, relative to the others: {@link #VIEWS} by default. */
    default int writeOrder() {
        return VIEWS;
    }

    /** Applies events new to their aggregates to this projection's collections of {@code generation}. */
    void project(List<ProjectedEvent> batch, Generation generation);
}
