package org.endorsements.query.projection;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.endorsements.events.AggregateType;

/**
 * Published after every batch the projection wrote, whatever it changed: reads waiting for a position look again,
 * and features derive what changed for them (live counts, caches of results that join organizations).
 *
 * @param applied the batch's events that were new to their aggregates, in topic order
 */
public record ProjectionAdvanced(List<ProjectedEvent> applied) {

    public ProjectionAdvanced {
        applied = List.copyOf(applied);
    }

    /** Whether any applied event belongs to an aggregate of this type. */
    public boolean touches(AggregateType type) {
        return applied.stream().anyMatch(e -> e.aggregate().filter(type::equals).isPresent());
    }

    /** The stream keys ({@code EndorsementEvent#streamKey}) of the applied events of these aggregate types. */
    public Set<String> streamKeysOf(Set<AggregateType> types) {
        return applied.stream()
                .filter(e -> e.aggregate().filter(types::contains).isPresent())
                .map(e -> e.event().streamKey())
                .collect(Collectors.toUnmodifiableSet());
    }
}
