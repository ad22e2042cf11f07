package org.endorsements.query.projection;

import java.time.Duration;
import java.util.Optional;
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
}
