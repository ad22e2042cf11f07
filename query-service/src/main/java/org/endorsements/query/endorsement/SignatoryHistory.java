package org.endorsements.query.endorsement;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endorsements.query.audit.AuditEntry;

/** Who had endorsed a statement at a given instant, replayed from its audit trail. */
public final class SignatoryHistory {

    public static final String ADDED = "org.endorsements.EndorsementAdded.v1";
    public static final String WITHDRAWN = "org.endorsements.EndorsementWithdrawn.v1";

    private SignatoryHistory() {
    }

    /**
     * The endorsements in force at {@code asOf}: for each organization, its last endorsement event recorded at or
     * before that instant, if that event is an {@code EndorsementAdded}. Entries of other types are ignored.
     */
    public static List<AuditEntry> inForceAt(Collection<AuditEntry> entries, Instant asOf) {
        Map<String, AuditEntry> last = new LinkedHashMap<>();
        entries.stream()
                .filter(e -> ADDED.equals(e.type()) || WITHDRAWN.equals(e.type()))
                .filter(e -> !e.occurredAt().isAfter(asOf))
                .sorted(Comparator.comparing(AuditEntry::aggregateId).thenComparingLong(AuditEntry::sequence))
                .forEach(e -> last.put(e.aggregateId(), e));
        return last.values().stream().filter(e -> ADDED.equals(e.type())).toList();
    }
}
