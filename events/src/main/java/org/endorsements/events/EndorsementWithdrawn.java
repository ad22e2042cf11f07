package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record EndorsementWithdrawn(
        StatementId statementId,
        OrganizationId organizationId,
        String reason,
        Instant withdrawnAt,
        String actor,
        String requestId)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
