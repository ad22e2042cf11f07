package org.endorsements.query.projection;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The live projection, as other features see it: it can be held still for a moment. The views and the audit trail
 * are written batch by batch with no transaction around them, so only while no batch is being written do they
 * form one picture that can be compared.
 */
public interface LiveProjection {

    /**
     * Runs {@code work} once the projection has finished its current batch and takes no new one, then lets it go
     * on. Empty (and {@code work} not run) when it did not come to rest within {@code timeout}, or is not running.
     */
    <T> Optional<T> whilePaused(Duration timeout, Supplier<T> work);

    /**
     * What {@link #whileEveryInstancePaused} did: the work's result (empty when this instance did not come to
     * rest: nothing is confirmed) and the partitions written by other instances that did not come to rest in time
     * (the work ran without them being held still).
     */
    record Paused<T>(Optional<T> result, Set<Integer> unconfirmedPartitions) {
        public Paused {
            unconfirmedPartitions = Set.copyOf(unconfirmedPartitions);
        }
    }

    /**
     * Like {@link #whilePaused}, with every other instance's projection held still too, as far as they come to rest
     * within {@code timeout}. A single instance (the default) has no others.
     */
    default <T> Paused<T> whileEveryInstancePaused(Duration timeout, Supplier<T> work) {
        return new Paused<>(whilePaused(timeout, work), Set.of());
    }
}
