package org.endorsements.query.projection;

import java.util.Optional;
import org.endorsements.events.AggregateType;

/** How far the live generation has applied one aggregate's events, as the engine recorded it. */
public interface AggregatePositions {

    /** The last applied sequence of the aggregate, or empty when the live generation has not seen it. */
    Optional<Long> appliedSequence(AggregateType type, String aggregateId);
}
