package org.endorsements.query.projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch to every {@link BatchProjection}. Idempotency is the engine's: it keeps, per aggregate, the
 * highest sequence applied (stored with the partition positions, and within a batch in memory) and hands the
 * projections only the events new to their aggregate. So a record delivered twice (consumer restart) or published
 * twice (relay retry, at another offset) counts once. Its own writes come last: a crash before them re-delivers
 * the batch, and each projection's guard (a sequence or the offset last applied, in its own documents) skips what
 * it wrote already. Within a batch the projections write in the order they declare
 * ({@link BatchProjection#writeOrder()}).
 */
public class ProjectionEngine {

    private static final Logger log = LoggerFactory.getLogger(ProjectionEngine.class);

    private final EngineStore store;
    private final List<BatchProjection> projections;

    public ProjectionEngine(EngineStore store, List<BatchProjection> projections) {
        this.store = store;
        // Stable: projections of the same order keep the order they were given in.
        this.projections = projections.stream()
                .sorted(Comparator.comparingInt(BatchProjection::writeOrder))
                .toList();
    }

    public ProjectionOutcome project(List<ProjectedEvent> batch, Generation generation) {
        Set<String> keys = new HashSet<>();
        batch.forEach(e -> keys.add(key(e)));
        Map<String, Long> known =
                keys.isEmpty() ? new LinkedHashMap<>() : new LinkedHashMap<>(store.sequences(generation, keys));
        Map<String, Long> advanced = new LinkedHashMap<>();
        Map<Integer, Long> nextOffsets = new LinkedHashMap<>();
        List<ProjectedEvent> fresh = new ArrayList<>(batch.size());
        for (ProjectedEvent e : batch) {
            nextOffsets.merge(e.partition(), e.offset() + 1, Math::max);
            String key = key(e);
            if (e.sequence() <= known.getOrDefault(key, -1L)) {
                continue;
            }
            known.put(key, e.sequence());
            advanced.put(key, e.sequence());
            fresh.add(e);
        }
        if (!fresh.isEmpty()) {
            for (BatchProjection projection : projections) {
                projection.project(fresh, generation);
            }
        }
        store.write(generation, advanced, nextOffsets);
        return new ProjectionOutcome(fresh, batch.size() - fresh.size());
    }

    /** Every collection of a generation: the projections' and the engine's own. */
    public List<String> collections(Generation generation) {
        List<String> all = new ArrayList<>(generation.collections(store.collections()));
        projections.forEach(p -> all.addAll(generation.collections(p.collections())));
        return all;
    }

    /**
     * Declares each projection's secondary indexes; one that fails is logged and its queries scan instead (the
     * embedded server implements none).
     */
    public void declareIndexes(Generation generation) {
        for (BatchProjection projection : projections) {
            try {
                projection.declareIndexes(generation);
            } catch (RuntimeException e) {
                log.warn(
                        "Could not declare the {} projection's secondary indexes ({}); its queries scan instead",
                        projection.name(),
                        e.getMessage());
            }
        }
    }

    /** Empties every collection of the generation after a loss and marks it intact again. */
    public void resetAfterLoss(Generation generation) {
        store.reset(generation, collections(generation));
    }

    private static String key(ProjectedEvent e) {
        return EngineStore.aggregateKey(e.aggregateType(), e.aggregateId());
    }
}
