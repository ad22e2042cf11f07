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

    // Constants (switch labels elsewhere); SignatoryHistoryTypesTest holds them to EventMessageFormat.typeOf.
    public static final String ADDED = "org.endorsements.EndorsementAdded.v2";
    public static final String WITHDRAWN = "org.endorsements.EndorsementWithdrawn.v2";
    /** Takes an endorsement out of the count as a withdrawal does, by an admin's decision. */
    public static final String INVALIDATED = "org.endorsements.EndorsementInvalidated.v1";
    /** Puts an invalidated endorsement back, as it was added. */
    public static final String REINSTATED = "org.endorsements.EndorsementReinstated.v1";

    private SignatoryHistory() {}

    /**
     * The endorsements in force at {@code asOf}: for each organization, its last endorsement event recorded at or
     * before that instant, if that event is an {@code EndorsementAdded}. Entries of other types are ignored.
     */
    public static List<AuditEntry> inForceAt(Collection<AuditEntry> entries, Instant asOf) {
        InForce<AuditEntry> inForce = new InForce<>();
        entries.stream()
                .filter(e -> isEndorsementChange(e.type()))
                .filter(e -> !e.occurredAt().isAfter(asOf))
                .forEach(e -> inForce.accept(
                        e.aggregateId(), e.sequence(), counts(e.type()), ADDED.equals(e.type()) ? e : null));
        return inForce.values().stream()
                .sorted(Comparator.comparing(AuditEntry::aggregateId))
                .toList();
    }

    /** Whether events of this type change whether an endorsement counts. */
    public static boolean isEndorsementChange(String type) {
        return ADDED.equals(type) || WITHDRAWN.equals(type) || INVALIDATED.equals(type) || REINSTATED.equals(type);
    }

    /** Whether an endorsement counts after an event of this type (one of {@link #isEndorsementChange}). */
    public static boolean counts(String type) {
        return ADDED.equals(type) || REINSTATED.equals(type);
    }

    /**
     * Folds endorsement events in any order into the last one per endorsement, keeping only what a read needs of
     * each: memory grows with the statement's endorsements, not with its events, so an {@code asOf} read can
     * stream the audit trail from a cursor.
     */
    public static final class InForce<T> {

        private record Last<T>(long sequence, boolean added, T value) {}

        private final Map<String, Last<T>> last = new HashMap<>();
        /** The value of each endorsement's latest addition: a reinstatement brings that one back. */
        private final Map<String, Last<T>> lastAddition = new HashMap<>();

        /**
         * Of two events with the same sequence the later one counts, as in a stable sort by sequence. {@code value}
         * is null for an event that counts without being an addition (a reinstatement): the endorsement is then
         * shown as its latest addition was.
         */
        public void accept(String endorsementId, long sequence, boolean added, T value) {
            Last<T> before = last.get(endorsementId);
            if (before == null || sequence >= before.sequence()) {
                last.put(endorsementId, new Last<>(sequence, added, value));
            }
            if (value != null) {
                Last<T> addition = lastAddition.get(endorsementId);
                if (addition == null || sequence >= addition.sequence()) {
                    lastAddition.put(endorsementId, new Last<>(sequence, true, value));
                }
            }
        }

        /** The values of the endorsements whose last event counts them, in no particular order. */
        public List<T> values() {
            return last.entrySet().stream()
                    .filter(e -> e.getValue().added())
                    .map(e -> lastAddition.get(e.getKey()))
                    .filter(java.util.Objects::nonNull)
                    .map(Last::value)
                    .toList();
        }
    }
}
