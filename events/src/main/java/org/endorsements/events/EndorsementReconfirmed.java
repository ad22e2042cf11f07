package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An organization whose endorsement is in force endorsed a newer version of the statement: the same signature,
 * now under {@code contentHash} (the version in force; {@code readContentHash} the text it read of that version,
 * the version's own or one of its translations) instead of {@code previousContentHash}. It changes no total: the
 * organization was counted before and is counted once after.
 */
@Revision("1")
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
        AssuranceLevel assurance)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
