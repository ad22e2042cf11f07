package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * {@code contentHash} is the lower-case hex SHA-256 of the canonical text of title and body (see
 * {@link CanonicalText}). {@code signatoryListIntro} (the line that opens the list of signatories) and
 * {@code closingNote} (e.g. a translator's credit after the list) are optional and only shape how the statement's
 * document is rendered; they are not part of the signed text.
 */
@Revision("1")
public record StatementPublished(
        StatementId statementId,
        String title,
        String body,
        String language,
        String contentHash,
        Instant publishedAt,
        String publishedBy,
        String signatoryListIntro,
        String closingNote)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
