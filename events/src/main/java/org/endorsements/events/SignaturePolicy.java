package org.endorsements.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a statement takes unsigned endorsements. Wire names {@code optional}, {@code required}. */
public enum SignaturePolicy {
    /** Signatures are accepted and verified; unsigned endorsements too. */
    OPTIONAL,
    /** Only endorsements carrying a valid signature by a registered signing key are accepted. */
    REQUIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for any other value */
    @JsonCreator
    public static SignaturePolicy fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
