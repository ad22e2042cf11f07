package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An organization signed a statement. {@code contentHash} pins the exact text it signed; {@code signerOpening}
 * (hex, 32 random bytes, the same for every endorsement of one organization on one statement) lets a public log
 * commit to the signer without naming it. {@code entryNumber} is the position on an imported letter, else null.
 * {@code visibility} says who sees the signer's name; events recorded before it existed read as
 * {@link EndorsementVisibility#DEFAULT}.
 */
@Revision("1")
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
        EndorsementVisibility visibility)
        implements EndorsementEvent {

    public EndorsementAdded {
        visibility = EndorsementVisibility.orDefault(visibility);
    }

    /** An endorsement of the default visibility (the form of every event recorded before visibility existed). */
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
            Integer entryNumber) {
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
                EndorsementVisibility.DEFAULT);
    }

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
