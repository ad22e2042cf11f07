package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** {@code contentHash} is the lower-case hex SHA-256 of the canonical text (see {@link CanonicalText}). */
@Revision("1")
public record StatementPublished(
        StatementId statementId,
        String title,
        String body,
        String language,
        String contentHash,
        Instant publishedAt,
        String publishedBy) implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
