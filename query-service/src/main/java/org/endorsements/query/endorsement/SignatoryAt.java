package org.endorsements.query.endorsement;

import java.time.Instant;

/**
 * A signatory in force at an instant, as its audit trail recorded the endorsement: only what reads show.
 * {@code assurance} is what vouched for that endorsement (as recorded, or as events before levels read);
 * {@code signingKeyId} the key it was signed with, else null.
 */
public record SignatoryAt(
        String organizationId,
        String name,
        Instant endorsedAt,
        String source,
        Integer entryNumber,
        String contentHash,
        String signerOpening,
        String assurance,
        String signingKeyId) {

    /** Rough heap size, for the result cache's bound. */
    public long estimatedBytes() {
        return 160
                + 2L
                        * (length(organizationId)
                                + length(name)
                                + length(source)
                                + length(contentHash)
                                + length(signerOpening)
                                + length(assurance)
                                + length(signingKeyId));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
