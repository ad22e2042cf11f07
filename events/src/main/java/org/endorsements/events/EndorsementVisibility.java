package org.endorsements.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may see an endorsement's signer. Every endorsement counts in every total and stands in the log (whose leaves
 * hold commitments, never names) whatever its visibility; the visibility decides only who sees the name.
 */
public enum EndorsementVisibility {
    /** Named in every public view, with its opening. */
    PUBLIC,
    /** Counted everywhere, named only to auditors and to the organization itself; its opening is never public. */
    COUNTED;

    /** What an endorsement is when its endorser chose nothing: also what events recorded before the field mean. */
    public static final EndorsementVisibility DEFAULT = PUBLIC;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EndorsementVisibility fromWire(String value) {
        return fromWireName(value).orElseThrow(() -> new IllegalArgumentException("unknown visibility " + value));
    }

    /** The visibility with this wire name; empty for any other value. */
    public static Optional<EndorsementVisibility> fromWireName(String value) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(value)).findFirst();
    }

    /** The visibility of an event that may predate the field (null there): {@link #DEFAULT}. */
    public static EndorsementVisibility orDefault(EndorsementVisibility recorded) {
        return recorded == null ? DEFAULT : recorded;
    }
}
