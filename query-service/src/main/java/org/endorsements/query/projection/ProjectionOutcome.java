package org.endorsements.query.projection;

import java.util.Set;

/**
 * What one batch did: events applied, duplicates ignored, sequence gaps seen, and the statements whose views
 * changed (for live updates).
 */
public record ProjectionOutcome(int applied, int duplicates, int gaps, Set<String> statementsChanged) {
}
