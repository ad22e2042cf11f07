package org.endorsements.query.projection;

import java.util.Set;

/**
 * Published after every batch written to the views, whatever it changed: reads waiting for a position look
 * again, and caches of results that join organizations learn whether any organization changed.
 *
 * @param aggregateTypes the aggregate types of the batch's events ({@code Statement}, {@code Endorsement},
 *                       {@code Organization})
 */
public record ProjectionAdvanced(Set<String> aggregateTypes) {
}
