package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * {@code contentHash} is the lower-case hex SHA-256 of the canonical text of title and body (see
 * {@link CanonicalText}). {@code signatoryListIntro} (the line that opens the list of signatories) and
 * {@code closingNote} (e.g. a translator's credit after the list) are optional and only shape how the statement's
 * document is rendered; they are not part of the signed text. {@code signaturePolicy} (revision 2; absent before,
 * read as {@code optional}) says whether unsigned endorsements are accepted.
 */
@Revision("2")
public record StatementPublished(
        StatementId statementId,
        String title,
        String body,
        String language,
        String contentHash,
        Instant publishedAt,
        String publishedBy,
        String signatoryListIntro,
        String closingNote,
        SignaturePolicy signaturePolicy)
        implements EndorsementEvent {

    public StatementPublished {
        if (signaturePolicy == null) {
            signaturePolicy = SignaturePolicy.OPTIONAL;
        }
    }

    /** A statement as revision 1 recorded it: signatures optional. */
    public StatementPublished(
            StatementId statementId,
            String title,
            String body,
            String language,
            String contentHash,
            Instant publishedAt,
            String publishedBy,
            String signatoryListIntro,
            String closingNote) {
        this(
                statementId,
                title,
                body,
                language,
                contentHash,
                publishedAt,
                publishedBy,
                signatoryListIntro,
                closingNote,
                SignaturePolicy.OPTIONAL);
    }

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
