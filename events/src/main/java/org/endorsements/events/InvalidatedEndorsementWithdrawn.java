package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The organization withdrew an endorsement an admin had invalidated. It counted nowhere before and counts nowhere
 * after, so no count changes; what changes is that an admin can no longer reinstate it (there is no signature left to
 * count) while the invalidation still keeps the organization from simply endorsing again. {@code signature} is the
 * organization's signature of the withdrawal when it signed one; {@code assurance} what vouches for the withdrawal.
 */
// Revision 2: stored with the personal fields sealed (PersonalData); earlier revisions held them in plain text.
@Revision("2")
public record InvalidatedEndorsementWithdrawn(
        StatementId statementId,
        OrganizationId organizationId,
        String reason,
        Instant withdrawnAt,
        String actor,
        String requestId,
        ActionSignature signature,
        AssuranceLevel assurance)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
