package org.endorsements.query.projection;

import java.util.List;

/** What one batch did: the events applied (new to their aggregates) and how many were duplicates. */
public record ProjectionOutcome(List<ProjectedEvent> applied, int duplicates) {

    public ProjectionOutcome {
        applied = List.copyOf(applied);
    }
}
