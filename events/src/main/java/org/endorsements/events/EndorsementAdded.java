package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An organization signed a statement. {@code contentHash} pins the exact text it signed; {@code signerOpening}
 * (hex, 32 random bytes, the same for every endorsement of one organization on one statement) lets a public log
 * commit to the signer without naming it. {@code entryNumber} is the position on an imported letter, else null.
 * {@code visibility} says who sees the signer's name; events recorded before it existed read as
 * {@link EndorsementVisibility#DEFAULT}. {@code signature} is the organization's Ed25519 signature when it signed
 * with a registered key, else null; {@code assurance} says what vouches for the endorsement (revision 2; a null
 * assurance, as in events recorded before, follows from the source). {@code readContentHash} (revision 3) is the
 * hash of the text the signer read: the version's own text ({@code contentHash}) or one of its translations; events
 * recorded before it existed read as the version's own text.
 *
 * <p>{@code keyHistory} (revision 4) is the organization's key-history commitment when it was recorded
 * ({@link KeyHistoryCommitment}), which its version 3 log leaf commits to; null in values recorded before, and for
 * an organization whose key history the command side did not follow from its registration.
 */
// Revision 4 is also the first stored with the personal fields sealed (PersonalData); earlier ones held them in
// plain text.
@Revision("4")
public record EndorsementAdded(
        StatementId statementId,
        OrganizationId organizationId,
        String organizationName,
        String contentHash,
        Instant endorsedAt,
        String actor,
        EndorsementSource source,
        String requestId,
        String signerOpening,
        Integer entryNumber,
        EndorsementVisibility visibility,
        ActionSignature signature,
        AssuranceLevel assurance,
        String readContentHash,
        KeyHistoryCommitment keyHistory)
        implements EndorsementEvent {

    /**
     * Revision 1 (on the topic: a value without {@code assurance}) had no signatures and did not record who had
     * issued the key that was used: an import reads {@code imported}, an endorsement through the API
     * {@code organization-credential}, which is all the platform knew then. Values without {@code visibility} predate
     * it and are {@link EndorsementVisibility#DEFAULT}.
     */
    public EndorsementAdded {
        if (readContentHash == null) {
            readContentHash = contentHash;
        }
        visibility = EndorsementVisibility.orDefault(visibility);
        if (assurance == null && source != null) {
            assurance = AssuranceLevel.recorded(null, source.wireName());
        }
    }

    /** As recorded before revision 4: no key-history commitment. */
    public EndorsementAdded(
            StatementId statementId,
            OrganizationId organizationId,
            String organizationName,
            String contentHash,
            Instant endorsedAt,
            String actor,
            EndorsementSource source,
            String requestId,
            String signerOpening,
            Integer entryNumber,
            EndorsementVisibility visibility,
            ActionSignature signature,
            AssuranceLevel assurance,
            String readContentHash) {
        this(
                statementId,
                organizationId,
                organizationName,
                contentHash,
                endorsedAt,
                actor,
                source,
                requestId,
                signerOpening,
                entryNumber,
                visibility,
                signature,
                assurance,
                readContentHash,
                null);
    }

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
