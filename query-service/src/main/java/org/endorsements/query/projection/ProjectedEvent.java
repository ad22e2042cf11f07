package org.endorsements.query.projection;

import java.time.Instant;
import org.endorsements.events.EndorsementEvent;

/** An event read from the topic, with the CloudEvents attributes and where on the topic it was. */
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
}
