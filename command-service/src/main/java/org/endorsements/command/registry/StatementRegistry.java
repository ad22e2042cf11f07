package org.endorsements.command.registry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;

/**
 * The command side's own knowledge of which statements exist their versions' texts and whether they are closed, kept in the transaction
 * that appends their events, so it never lags the event store.
 */
public interface StatementRegistry {

    record Entry(StatementId statementId, String contentHash, boolean closed) {}

    /** What an endorsement of one organization is now; an organization that never endorsed has none. */
    enum EndorsementState {
        ENDORSED,
        WITHDRAWN,
        INVALIDATED
    }

    /** Goal and closing time in force (either null for none), and whether the goal in force was reached. */
    record Targets(StatementId statementId, Integer signatureGoal, Instant closesAt, boolean goalReached) {}

    Optional<Entry> find(StatementId statementId);

    Optional<Targets> targets(StatementId statementId);

    /** Open statements whose closing time is not after {@code now}. */
    List<StatementId> pastClosingTime(Instant now);

    /** Statements with a goal not yet reached. */
    List<StatementId> withGoalPending();

    /** Endorsements that count now: endorsed, neither withdrawn nor invalidated. */
    long countedEndorsements(StatementId statementId);

    /** The state of each of these organizations' endorsements of the statement; absent: never endorsed. */
    Map<OrganizationId, EndorsementState> endorsementStates(
            StatementId statementId, Collection<OrganizationId> organizations);

    /** Whether the statement was published with {@code signaturePolicy: required}. */
    boolean requiresSignatures(StatementId statementId);

    /** Whether {@code contentHash} is the text of record of the version {@code versionHash} or one of its texts. */
    boolean isTextOf(StatementId statementId, String versionHash, String contentHash);
}
