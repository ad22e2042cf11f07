package org.endorsements.query.projection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine itself keeps in each generation: the next offset per partition and, per aggregate, the highest
 * sequence applied. Both are written together, after every projection wrote its batch, so a crash at any point is
 * repaired by re-delivery. Keys of {@link #sequences} are {@link #aggregateKey}s.
 */
public interface EngineStore {

    /** The base names of the engine's own collections. */
    List<String> collections();

    /** The highest applied sequence of each of these aggregates that the generation has seen. */
    Map<String, Long> sequences(Generation generation, Set<String> aggregateKeys);

    /** Writes the aggregates' sequences, then the partitions' next offsets. */
    void write(Generation generation, Map<String, Long> sequences, Map<Integer, Long> nextOffsets);

    /** The next offset to read per partition; empty for a generation that starts empty. */
    Map<Integer, Long> positions(Generation generation);

    /**
     * {@link #positions} when the generation still holds what this projection wrote, else empty: once the store
     * lost its data under a running projection (an in-memory server restarted, a database dropped), a batch that
     * straddled the loss would write into the empty store and every earlier event would be missing.
     */
    Optional<Map<Integer, Long>> positionsIfIntact(Generation generation);

    /** Empties {@code collections} of the generation (a partial batch after a loss) and marks it intact again. */
    void reset(Generation generation, Collection<String> collections);

    /** Marks a generation whose collections start from nothing (a fresh replay target) as this projection's. */
    void mark(Generation generation);

    static String aggregateKey(String aggregateType, String aggregateId) {
        return aggregateType + '|' + aggregateId;
    }
}
