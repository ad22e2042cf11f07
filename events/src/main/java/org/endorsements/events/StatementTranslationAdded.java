package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Another text of one version of a statement: a translation (with its {@code translator}), or, when the version's
 * text of record is itself a translation, the {@code original} it was translated from. It has its own
 * {@code contentHash} (the same canonical hashing as the text of record) and is linked to its version by
 * {@code versionContentHash}: a signer who read it endorses that version, and the record names both hashes.
 */
@Revision("1")
public record StatementTranslationAdded(
        StatementId statementId,
        String versionContentHash,
        String language,
        String title,
        String body,
        String translator,
        boolean original,
        String contentHash,
        Instant addedAt,
        String addedBy)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
