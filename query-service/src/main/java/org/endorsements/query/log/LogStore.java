package org.endorsements.query.log;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Where the logs are kept, every document by {@code _id}. A batch writes leaves, nodes, event index and signers
 * before the states, so a crash in between is repaired by re-delivery: an event counts as appended only when its
 * leaf index is below the stored size.
 */
public interface LogStore {

    Map<String, LogState> states(Set<String> statementIds);

    /** Leaf index of each event already in a log, by event id. */
    Map<String, Long> eventIndexes(Set<String> eventIds);

    /** Signer openings by {@code statementId:organizationId}. */
    Map<String, String> openings(Set<String> ids);

    void write(
            Collection<LogWrites.Leaf> leaves,
            Collection<LogWrites.Node> nodes,
            Map<String, String> openings,
            Collection<LogState> states);
}
