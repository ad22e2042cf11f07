package org.endorsements.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an endorsement reached the platform. */
public enum EndorsementSource {
    /** The organization signed through the API with its own key. */
    API,
    /** An admin recorded a signature collected elsewhere, e.g. on a sign-on letter. */
    IMPORTED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EndorsementSource fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
