package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * "Hide us now": from this event on, every endorsement of the organization, past and future, is
 * {@link EndorsementVisibility#COUNTED}, and no public view names it, at any instant. One event on the
 * organization rather than one per endorsement, so that the hide takes effect at once and cannot be half done.
 * {@code reason} is required when an admin hides an organization on its request through another channel.
 */
// Revision 2: stored with the personal fields sealed (PersonalData); earlier revisions held them in plain text.
@Revision("2")
public record OrganizationHidden(OrganizationId organizationId, String reason, Instant hiddenAt, String hiddenBy)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return organizationId.value();
    }
}
