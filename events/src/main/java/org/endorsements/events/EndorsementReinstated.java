package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An admin undid an invalidation: the endorsement counts again, as it was (same visibility, same opening).
 * {@code assurance} (revision 2) is what vouches for it from now on: the admin's act is what counts it again, so it is
 * the weaker of the endorsement's own level and {@code admin-issued-credential} (its signature, if any, still stands
 * and is still shown). Absent in values recorded before revision 2, which left the endorsement's level as it was.
 *
 * <p>{@code keyHistory} (revision 3) is the organization's key-history commitment when it was recorded
 * ({@link KeyHistoryCommitment}), which its version 3 log leaf commits to; null in values recorded before, and for
 * an organization whose key history the command side did not follow from its registration.
 */
@Revision("3")
public record EndorsementReinstated(
        StatementId statementId,
        OrganizationId organizationId,
        String reason,
        Instant reinstatedAt,
        String actor,
        String requestId,
        AssuranceLevel assurance,
        KeyHistoryCommitment keyHistory)
        implements EndorsementEvent {

    /** A reinstatement as revision 1 recorded it: the endorsement kept its level. */
    public EndorsementReinstated(
            StatementId statementId,
            OrganizationId organizationId,
            String reason,
            Instant reinstatedAt,
            String actor,
            String requestId) {
        this(statementId, organizationId, reason, reinstatedAt, actor, requestId, null);
    }

    /** The level a reinstatement gives an endorsement that read {@code before}: never above what the admin vouches for. */
    public static AssuranceLevel levelAfter(AssuranceLevel before) {
        return before == null
                ? AssuranceLevel.ADMIN_ISSUED_CREDENTIAL
                : before.weakest(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
    }

    /** As recorded before revision 3: no key-history commitment. */
    public EndorsementReinstated(
            StatementId statementId,
            OrganizationId organizationId,
            String reason,
            Instant reinstatedAt,
            String actor,
            String requestId,
            AssuranceLevel assurance) {
        this(statementId, organizationId, reason, reinstatedAt, actor, requestId, assurance, null);
    }

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
