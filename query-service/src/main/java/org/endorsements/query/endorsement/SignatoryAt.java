package org.endorsements.query.endorsement;

import java.time.Instant;

/** A signatory in force at an instant, as its audit trail recorded the endorsement: only what reads show. */
public record SignatoryAt(
        String organizationId,
        String name,
        Instant endorsedAt,
        String source,
        Integer entryNumber,
        String contentHash,
        String signerOpening) {

    /** Rough heap size, for the result cache's bound. */
    public long estimatedBytes() {
        return 160
                + 2L
                        * (length(organizationId)
                                + length(name)
                                + length(source)
                                + length(contentHash)
                                + length(signerOpening));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
