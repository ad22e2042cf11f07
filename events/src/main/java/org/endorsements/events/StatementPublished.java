package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * {@code contentHash} is the lower-case hex SHA-256 of the canonical text of title and body (see
 * {@link CanonicalText}). {@code signatoryListIntro} (the line that opens the list of signatories) and
 * {@code closingNote} (e.g. a translator's credit after the list) are optional and only shape how the statement's
 * document is rendered; they are not part of the signed text. {@code signaturePolicy} (revision 2; absent before,
 * read as {@code optional}) says whether unsigned endorsements are accepted. {@code translator} and
 * {@code originalLanguage} (revision 3; null before and for an original) say that the published text is a
 * translation of an original that is not on the platform (yet): it is still the text of record of version 1, whose
 * hash every endorsement of the version names; the original may be added later as one of its linked texts.
 */
@Revision("3")
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
        SignaturePolicy signaturePolicy,
        String translator,
        String originalLanguage)
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
                SignaturePolicy.OPTIONAL,
                null,
                null);
    }

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
