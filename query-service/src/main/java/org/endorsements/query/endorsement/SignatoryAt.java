package org.endorsements.query.endorsement;

import java.time.Instant;

/**
 * A signatory in force at an instant, as its audit trail recorded the endorsement: only what reads show.
 * {@code assurance} is what vouched for that endorsement (as recorded, or as events before levels read);
 * {@code signingKeyId} the key it was signed with, else null.
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
        String readContentHash,
        String assurance,
        String signingKeyId) {

    /**
     * The same signatory, now endorsing the version {@code contentHash}, having read {@code readContentHash}; a
     * re-confirmation is vouched for by its own credential or signature, so its level and key replace the earlier.
     */
    public SignatoryAt reconfirmed(String contentHash, String readContentHash, String assurance, String signingKeyId) {
        return new SignatoryAt(
                organizationId,
                name,
                endorsedAt,
                source,
                entryNumber,
                contentHash,
                signerOpening,
                readContentHash,
                assurance,
                signingKeyId);
    }

    /** The same signatory, counted again by an admin's reinstatement, which vouches for it at {@code assurance}. */
    public SignatoryAt reinstated(String assurance) {
        return new SignatoryAt(
                organizationId,
                name,
                endorsedAt,
                source,
                entryNumber,
                contentHash,
                signerOpening,
                readContentHash,
                assurance,
                signingKeyId);
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
                                + length(signerOpening)
                                + length(assurance)
                                + length(signingKeyId));
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
