package org.endorsements.query.projection;

import java.util.List;

/**
 * The engine's one extension point: a feature's projection of the topic into collections of its own. The engine
 * hands it only events new to their aggregate (by aggregate sequence), in topic order, and writes its own
 * position once every projection has written; a crash in between re-delivers the batch, so each projection
 * guards itself against events it has already written at the same offset. Projections are independent: none
 * reads another's collections, so the order they run in does not matter.
 */
public interface BatchProjection {

    /** A short name for logs. */
    String name();

    /** The base names of the collections it owns; {@link Generation#collection} adds the generation suffix. */
    List<String> collections();

    /** The secondary indexes its queries need on a real MongoDB (writes are by {@code _id} only). */
    default void declareIndexes(Generation generation) {}

    /** Applies events new to their aggregates to this projection's collections of {@code generation}. */
    void project(List<ProjectedEvent> batch, Generation generation);
}
