package org.endorsements.query.projection;

import java.time.Instant;
import java.util.Optional;
import org.endorsements.events.AggregateType;
import org.endorsements.events.EndorsementEvent;

/**
 * An event read from the topic, with the CloudEvents attributes and where on the topic it was.
 *
 * @param aggregateType the {@code ce_aggregatetype} attribute as it came (the audit trail records it verbatim)
 */
public record ProjectedEvent(
        String eventId,
        String type,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant time,
        int partition,
        long offset,
        EndorsementEvent event,
        byte[] payload) {

    /** The aggregate type, when the attribute names one on the topic. */
    public Optional<AggregateType> aggregate() {
        return AggregateType.fromWireName(aggregateType);
    }
}
