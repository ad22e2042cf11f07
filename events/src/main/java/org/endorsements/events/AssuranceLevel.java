package org.endorsements.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What vouches for an endorsement or withdrawal, from the strongest proof to the weakest. Only
 * {@link #ORGANIZATION_KEY} rests on something the operator cannot produce: a signature by a key the organization
 * registered itself. Wire names are lower-case with dashes ({@code organization-key}); see {@code TOPIC.md}.
 */
public enum AssuranceLevel {
    /** A valid Ed25519 signature by a signing key the organization registered itself (not by admin recovery). */
    ORGANIZATION_KEY,
    /** An API key the organization received at its registration or rotated itself. */
    ORGANIZATION_CREDENTIAL,
    /**
     * An API key an admin issued or rotated, or a signing key an admin registered in a recovery (or one certified by
     * such a key): the operator held what was used.
     */
    ADMIN_ISSUED_CREDENTIAL,
    /** An admin recorded it from another channel, e.g. a sign-on letter (the entry number is its reference). */
    IMPORTED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException for any other value */
    @JsonCreator
    public static AssuranceLevel fromWire(String value) {
        return Arrays.stream(values())
                .filter(level -> level.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown assurance level"));
    }

    /**
     * The level a stored endorsement says, or for one recorded before levels existed (no {@code assurance}), what its
     * {@code source} implies, as {@code TOPIC.md} documents: {@code imported} for an import, else
     * {@code organization-credential}. One rule for every view that shows a level.
     */
    public static AssuranceLevel recorded(String assurance, String source) {
        if (assurance != null) {
            return fromWire(assurance);
        }
        return EndorsementSource.IMPORTED.wireName().equals(source) ? IMPORTED : ORGANIZATION_CREDENTIAL;
    }

    /** The weaker of the two: what a key or credential certified by another can prove at most. */
    public AssuranceLevel weakest(AssuranceLevel other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
