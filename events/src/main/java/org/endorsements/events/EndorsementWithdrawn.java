package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An endorsement was withdrawn, by the organization or by an admin on its word through another channel.
 * {@code signature} is the organization's Ed25519 signature of the withdrawal when it signed one, else null;
 * {@code assurance} what vouches for the withdrawal (revision 2).
 *
 * <p>{@code keyHistory} (revision 3) is the organization's key-history commitment when it was recorded
 * ({@link KeyHistoryCommitment}), which its version 3 log leaf commits to; null in values recorded before, and for
 * an organization whose key history the command side did not follow from its registration.
 */
// Revision 3 is also the first stored with the personal fields sealed (PersonalData); earlier ones held them in
// plain text.
@Revision("3")
public record EndorsementWithdrawn(
        StatementId statementId,
        OrganizationId organizationId,
        String reason,
        Instant withdrawnAt,
        String actor,
        String requestId,
        ActionSignature signature,
        AssuranceLevel assurance,
        KeyHistoryCommitment keyHistory)
        implements EndorsementEvent {

    /**
     * Revision 1 (on the topic: a value without {@code assurance}) had no signatures: a withdrawal the admin recorded
     * reads {@code imported}, one through an organization's API key {@code organization-credential}.
     */
    public EndorsementWithdrawn {
        if (assurance == null && actor != null) {
            assurance =
                    Caller.ADMIN_ACTOR.equals(actor) ? AssuranceLevel.IMPORTED : AssuranceLevel.ORGANIZATION_CREDENTIAL;
        }
    }

    /** An unsigned withdrawal as revision 1 recorded it. */
    public EndorsementWithdrawn(
            StatementId statementId,
            OrganizationId organizationId,
            String reason,
            Instant withdrawnAt,
            String actor,
            String requestId) {
        this(statementId, organizationId, reason, withdrawnAt, actor, requestId, null, null);
    }

    /** As recorded before revision 3: no key-history commitment. */
    public EndorsementWithdrawn(
            StatementId statementId,
            OrganizationId organizationId,
            String reason,
            Instant withdrawnAt,
            String actor,
            String requestId,
            ActionSignature signature,
            AssuranceLevel assurance) {
        this(statementId, organizationId, reason, withdrawnAt, actor, requestId, signature, assurance, null);
    }

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
