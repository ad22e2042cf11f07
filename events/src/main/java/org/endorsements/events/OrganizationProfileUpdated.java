package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The organization (or an admin) set its profile: every field as it now is, null where it is not given. The
 * profile replaces the one of the registration, for every statement's breakdown.
 */
// Revision 2: stored with the personal fields sealed (PersonalData); earlier revisions held them in plain text.
@Revision("2")
public record OrganizationProfileUpdated(
        OrganizationId organizationId,
        String country,
        String region,
        String kind,
        String website,
        Instant updatedAt,
        String updatedBy)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return organizationId.value();
    }
}
