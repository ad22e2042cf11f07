package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The organization changed who sees its endorsement of one statement. Names and counts are untouched: a counted
 * endorsement still counts, and the log is not changed by it.
 */
@Revision("1")
public record EndorsementVisibilityChanged(
        StatementId statementId,
        OrganizationId organizationId,
        EndorsementVisibility visibility,
        Instant changedAt,
        String actor,
        String requestId)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
