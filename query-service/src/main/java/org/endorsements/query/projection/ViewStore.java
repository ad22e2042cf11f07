package org.endorsements.query.projection;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.growth.GrowthBucket;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.statement.StatementView;

/**
 * Where the projection keeps its views and its position. Every read and write is by {@code _id}; writes of one
 * batch happen in the order of {@link #write}'s parameters, the position last, so a crash at any point is
 * repaired by re-delivery (each view document guards itself against events it has already seen).
 */
public interface ViewStore {

    Map<String, StatementView> statements(Set<String> ids);

    Map<String, EndorsementView> endorsements(Set<String> ids);

    Map<String, GrowthBucket> growth(Set<String> ids);

    Map<String, OrganizationView> organizations(Set<String> ids);

    /**
     * Writes one batch's changes. An audit entry whose event is already stored is left as it is (the entry is
     * immutable; a re-delivered or re-published event must neither fail the batch nor change its first entry).
     */
    void write(Collection<AuditEntry> audit, Collection<StatementView> statements, Collection<GrowthBucket> growth,
            Collection<OrganizationView> organizations, Collection<EndorsementView> endorsements,
            Map<Integer, Long> nextOffsets);

    /** The next offset to read per partition, as stored with the views; empty for a store that starts empty. */
    Map<Integer, Long> positions();

    /**
     * Whether the store still holds what this projection wrote. False once it lost its data under a running
     * projection (an in-memory server restarted, a database dropped): a batch that straddles such a loss would
     * otherwise write its views and its position into the empty store, and every earlier event would be missing.
     */
    default boolean intact() {
        return true;
    }

    /**
     * {@link #positions()} when the store is {@link #intact()}, else empty: one read where a batch needs both.
     */
    default java.util.Optional<Map<Integer, Long>> positionsIfIntact() {
        return intact() ? java.util.Optional.of(positions()) : java.util.Optional.empty();
    }

    /** Discards whatever the live views hold (a partial batch after a loss) and marks the store as intact again. */
    default void resetAfterLoss() {
    }
}
