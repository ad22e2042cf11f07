package org.endorsements.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a statement; a URL-safe slug so it can appear in paths and Kafka keys unchanged. */
public record StatementId(String value) {

    public StatementId {
        Identifiers.requireSlug(value, "statement id");
    }

    @JsonCreator
    public static StatementId of(String value) {
        return new StatementId(value);
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
