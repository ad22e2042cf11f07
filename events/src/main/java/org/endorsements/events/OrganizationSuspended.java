package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrganizationSuspended(
        OrganizationId organizationId, String reason, Instant suspendedAt, String suspendedBy)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return organizationId.value();
    }
}
