package org.endorsements.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why an admin invalidated an endorsement; auditors see it, with the admin's reason. */
public enum InvalidationCategory {
    /** Not signed by the organization it names. */
    FORGED,
    /** The same organization counted under another entry. */
    DUPLICATE,
    /** The signer is not one this statement is for. */
    OUT_OF_SCOPE,
    /** The organization asked for it through another channel. */
    ORGANIZATION_REQUEST;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static InvalidationCategory fromWire(String value) {
        return fromWireName(value).orElseThrow(() -> new IllegalArgumentException("unknown category " + value));
    }

    /** The category with this wire name; empty for any other value. */
    public static Optional<InvalidationCategory> fromWireName(String value) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(value)).findFirst();
    }
}
