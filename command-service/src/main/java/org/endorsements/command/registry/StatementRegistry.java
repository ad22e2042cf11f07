package org.endorsements.command.registry;

import java.util.Optional;
import org.endorsements.events.StatementId;

/**
 * The command side's own knowledge of which statements exist their versions' texts and whether they are closed, kept in the transaction
 * that appends their events, so it never lags the event store.
 */
public interface StatementRegistry {

    record Entry(StatementId statementId, String contentHash, boolean closed) {}

    Optional<Entry> find(StatementId statementId);

    /** Whether the statement was published with {@code signaturePolicy: required}. */
    boolean requiresSignatures(StatementId statementId);

    /** Whether {@code contentHash} is the text of record of the version {@code versionHash} or one of its texts. */
    boolean isTextOf(StatementId statementId, String versionHash, String contentHash);
}
