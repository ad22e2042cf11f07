package org.endorsements.query.endorsement;

import java.time.Instant;

/**
 * A signatory in force at an instant, as its audit trail recorded the endorsement: only what reads show.
 * {@code contentHash} is the version it endorsed at that instant, {@code readContentHash} the text its signer read.
 */
public record SignatoryAt(
        String organizationId,
        String name,
        Instant endorsedAt,
        String source,
        Integer entryNumber,
        String contentHash,
        String signerOpening,
        String readContentHash) {

    /** The same signatory, now endorsing the version {@code contentHash}, having read {@code readContentHash}. */
    public SignatoryAt reconfirmed(String contentHash, String readContentHash) {
        return new SignatoryAt(
                organizationId, name, endorsedAt, source, entryNumber, contentHash, signerOpening, readContentHash);
    }

    /** Rough heap size, for the result cache's bound. */
    public long estimatedBytes() {
        return 160
                + 2L
                        * (length(organizationId)
                                + length(name)
                                + length(source)
                                + length(contentHash)
                                + length(readContentHash)
                                + length(signerOpening));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
