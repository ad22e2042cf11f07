package org.endorsements.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an organization; a URL-safe slug, by default derived from its name. */
public record OrganizationId(String value) {

    public OrganizationId {
        Identifiers.requireSlug(value, "organization id");
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
