package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

// Revision 2: stored with the personal fields sealed (PersonalData); earlier revisions held them in plain text.
@Revision("2")
public record OrganizationRegistered(
        OrganizationId organizationId,
        String name,
        String country,
        String region,
        String kind,
        String website,
        Instant registeredAt,
        String registeredBy)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return organizationId.value();
    }
}
