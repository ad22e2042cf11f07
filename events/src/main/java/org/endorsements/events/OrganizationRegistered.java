package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An admin registered an organization. {@code handle} is its readable name in URLs and tools (e.g. {@code provea}),
 * unique among organizations; null in events recorded before handles existed, whose id is that handle. It names the
 * organization, so it is personal data: an erasure removes it from every view.
 */
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
        String registeredBy,
        String handle)
        implements EndorsementEvent {

    /** A registration without a handle of its own, as every one recorded before handles existed. */
    public OrganizationRegistered(
            OrganizationId organizationId,
            String name,
            String country,
            String region,
            String kind,
            String website,
            Instant registeredAt,
            String registeredBy) {
        this(organizationId, name, country, region, kind, website, registeredAt, registeredBy, null);
    }

    /** The handle, or for a registration recorded before handles existed its id, which was its handle. */
    public String handleOrId() {
        return handle != null ? handle : organizationId.value();
    }

    @Override
    public String streamKey() {
        return organizationId.value();
    }
}
