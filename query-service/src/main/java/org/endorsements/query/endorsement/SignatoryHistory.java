package org.endorsements.query.endorsement;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.endorsements.query.audit.AuditEntry;

/** Who had endorsed a statement at a given instant, replayed from its audit trail. */
public final class SignatoryHistory {

    public static final String ADDED = "org.endorsements.EndorsementAdded.v1";
    public static final String WITHDRAWN = "org.endorsements.EndorsementWithdrawn.v1";

    private SignatoryHistory() {}

    /**
     * The endorsements in force at {@code asOf}: for each organization, its last endorsement event recorded at or
     * before that instant, if that event is an {@code EndorsementAdded}. Entries of other types are ignored.
     */
    public static List<AuditEntry> inForceAt(Collection<AuditEntry> entries, Instant asOf) {
        InForce<AuditEntry> inForce = new InForce<>();
        entries.stream()
                .filter(e -> ADDED.equals(e.type()) || WITHDRAWN.equals(e.type()))
                .filter(e -> !e.occurredAt().isAfter(asOf))
                .forEach(e -> inForce.accept(e.aggregateId(), e.sequence(), ADDED.equals(e.type()), e));
        return inForce.values().stream()
                .sorted(Comparator.comparing(AuditEntry::aggregateId))
                .toList();
    }

    /**
     * Folds endorsement events in any order into the last one per endorsement, keeping only what a read needs of
     * each: memory grows with the statement's endorsements, not with its events, so an {@code asOf} read can
     * stream the audit trail from a cursor.
     */
    public static final class InForce<T> {

        private record Last<T>(long sequence, boolean added, T value) {}

        private final Map<String, Last<T>> last = new HashMap<>();

        /** Of two events with the same sequence the later one counts, as in a stable sort by sequence. */
        public void accept(String endorsementId, long sequence, boolean added, T value) {
            Last<T> before = last.get(endorsementId);
            if (before == null || sequence >= before.sequence()) {
                last.put(endorsementId, new Last<>(sequence, added, value));
            }
        }

        /** The values of the endorsements whose last event is an addition, in no particular order. */
        public List<T> values() {
            return last.values().stream().filter(Last::added).map(Last::value).toList();
        }
    }
}
