package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The organization's personal data is erased: from this event on no view names it, shows its handle, website,
 * region, kind or country, or its withdrawal reasons, in any answer of any instant, to anyone (auditors and the
 * organization included); it is shown as {@link #DISPLAY_NAME} with its id. Its counts, log leaves and proofs are
 * unchanged (leaves hold commitments, never names). The organization is hidden as by {@link OrganizationHidden}, can
 * no longer endorse, register keys or get credentials, and its API keys stop working. {@code reason} is required
 * when an admin erases an organization (on its request through another channel). One event on the organization's
 * partition: a consumer applies it to what it projected of the organization on every statement's partition,
 * before and after it reads this event.
 */
@Revision("1")
public record OrganizationPersonalDataErased(
        OrganizationId organizationId, String reason, Instant erasedAt, String erasedBy) implements EndorsementEvent {

    /** What every view shows in place of an erased organization's name. */
    public static final String DISPLAY_NAME = "erased organization";

    @Override
    public String streamKey() {
        return organizationId.value();
    }
}
