package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An organization whose endorsement is in force endorsed a newer version of the statement: the same signature,
 * now under {@code contentHash} (the version in force; {@code readContentHash} the text it read of that version,
 * the version's own or one of its translations) instead of {@code previousContentHash}. It changes no total: the
 * organization was counted before and is counted once after.
 *
 * <p>{@code keyHistory} (revision 2) is the organization's key-history commitment when it was recorded
 * ({@link KeyHistoryCommitment}), which its version 3 log leaf commits to; null in values recorded before, and for
 * an organization whose key history the command side did not follow from its registration.
 */
@Revision("2")
public record EndorsementReconfirmed(
        StatementId statementId,
        OrganizationId organizationId,
        String contentHash,
        String readContentHash,
        String previousContentHash,
        Instant reconfirmedAt,
        String actor,
        String requestId,
        ActionSignature signature,
        AssuranceLevel assurance,
        KeyHistoryCommitment keyHistory)
        implements EndorsementEvent {

    /** As recorded before revision 2: no key-history commitment. */
    public EndorsementReconfirmed(
            StatementId statementId,
            OrganizationId organizationId,
            String contentHash,
            String readContentHash,
            String previousContentHash,
            Instant reconfirmedAt,
            String actor,
            String requestId,
            ActionSignature signature,
            AssuranceLevel assurance) {
        this(
                statementId,
                organizationId,
                contentHash,
                readContentHash,
                previousContentHash,
                reconfirmedAt,
                actor,
                requestId,
                signature,
                assurance,
                null);
    }

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
