package org.endorsements.query.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** What other features may ask of the audit trail. */
public interface AuditTrail {

    /** The last event of one aggregate (e.g. an organization's endorsement of a statement), if any. */
    Optional<AuditEntry> latestOfAggregate(String aggregateId);

    /** Every event of one aggregate, in its order (an organization's whole history on a statement). */
    List<AuditEntry> allOfAggregate(String aggregateId);

    /**
     * A statement's endorsement events at or before {@code asOf}, in no particular order, handed over as a cursor
     * reads them (never the whole history in memory at once), with only the fields a signatory list shows.
     */
    void forEachEndorsementChange(String statementId, Instant asOf, Consumer<EndorsementChange> change);

    /** When the statement's last endorsement event at or before {@code asOf} happened; empty when none did. */
    Optional<Instant> lastEndorsementChangeAt(String statementId, Instant asOf);

    /** Every entry; the caller closes the stream. */
    Stream<AuditEntry> all();

    /** The entries of these statements or of these aggregates; the caller closes the stream. */
    Stream<AuditEntry> ofStatementsOrAggregates(Collection<String> statementIds, Collection<String> aggregateIds);

    /**
     * An endorsement event as a signatory list needs it. A {@code reconfirmation} (the endorsement in force moved to
     * a newer version: {@code added} too) carries only the version ({@code contentHash}) and the text read; the
     * rest is the endorsement's it re-confirms.
     */
    record EndorsementChange(
            String endorsementId,
            long sequence,
            boolean added,
            boolean reconfirmation,
            String organizationId,
            Instant occurredAt,
            String organizationName,
            String source,
            Integer entryNumber,
            String contentHash,
            String readContentHash,
            String signerOpening,
            String assurance,
            String signingKeyId,
            boolean reinstated) {}
}
