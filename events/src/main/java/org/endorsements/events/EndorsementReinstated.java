package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An admin undid an invalidation: the endorsement counts again, as it was (same visibility, same opening). */
@Revision("1")
public record EndorsementReinstated(
        StatementId statementId,
        OrganizationId organizationId,
        String reason,
        Instant reinstatedAt,
        String actor,
        String requestId)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
