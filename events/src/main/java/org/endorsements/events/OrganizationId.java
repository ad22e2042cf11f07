package org.endorsements.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies an organization; a URL-safe slug. New organizations get an opaque one ({@link #newOpaque()}); ids of
 * organizations registered before, and of the seed's imported signatories, are slugs of their names.
 */
public record OrganizationId(String value) {

    public OrganizationId {
        Identifiers.requireSlug(value, "organization id");
    }

    /** A fresh opaque id, {@code org-} and 16 random base32 characters. */
    public static OrganizationId newOpaque() {
        return new OrganizationId(Identifiers.opaqueOrganizationId());
    }

    @JsonCreator
    public static OrganizationId of(String value) {
        return new OrganizationId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
