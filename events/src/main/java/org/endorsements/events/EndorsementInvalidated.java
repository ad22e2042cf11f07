package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An admin invalidated an organization's current endorsement: it no longer counts, and the organization cannot
 * sign again until an admin reinstates it ({@link EndorsementReinstated}). Unlike a withdrawal it is the
 * platform's decision, not the organization's, so it carries a category and a required reason.
 */
@Revision("1")
public record EndorsementInvalidated(
        StatementId statementId,
        OrganizationId organizationId,
        InvalidationCategory category,
        String reason,
        Instant invalidatedAt,
        String actor,
        String requestId)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
