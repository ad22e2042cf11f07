package org.endorsements.query.audit;

import java.time.Instant;
import org.bson.Document;
import org.springframework.data.annotation.Id;

/**
 * One immutable document per event, {@code _id} = event id: the audit trail every other view can be recounted
 * from. {@code payload} is the event exactly as it was on the topic.
 */
public record AuditEntry(
        @Id String id,
        String type,
        String statementId,
        String organizationId,
        String actor,
        Instant occurredAt,
        Instant projectedAt,
        String aggregateType,
        String aggregateId,
        long sequence,
        int partition,
        long offset,
        Document payload) {}
