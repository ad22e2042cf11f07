package org.endorsements.command.shared.persistence;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine without snapshots. Axon's event store asks the engine for an aggregate's latest
 * snapshot before every load, whether or not any aggregate has a snapshotter: one SELECT on the snapshot table per
 * command that always finds nothing. No aggregate of this service takes snapshots (each is small by design, see
 * decision 0002), so the engine answers "none" without asking the database, and refuses to store one: whoever
 * configures a snapshotter learns here, at the first snapshot, that this engine must change with it.
 */
final class SnapshotFreeJdbcEventStorageEngine extends JdbcEventStorageEngine {

    SnapshotFreeJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        throw new UnsupportedOperationException("this event store keeps no snapshots (aggregate " + snapshot.getType()
                + "); reading them was turned off in SnapshotFreeJdbcEventStorageEngine");
    }
}
