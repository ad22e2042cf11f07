package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An admin published a new version of the statement's text. {@code version} counts from 1 (the published text);
 * {@code contentHash} is the new version's hash and {@code previousContentHash} the one it replaces, which stays in
 * the history: endorsements of it stay counted under it until their organizations re-confirm the new one. The
 * earlier version's translations do not carry over.
 */
@Revision("1")
public record StatementAmended(
        StatementId statementId,
        int version,
        String title,
        String body,
        String language,
        String contentHash,
        String previousContentHash,
        Instant amendedAt,
        String amendedBy)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
