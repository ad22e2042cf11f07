package org.endorsements.query.projection;

/** What one batch did: events applied, duplicates ignored, sequence gaps seen. */
public record ProjectionOutcome(int applied, int duplicates, int gaps) {
}
