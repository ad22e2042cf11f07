package org.endorsements.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Names one of an organization's signing keys; a slug the organization chooses, never reused once revoked. */
public record SigningKeyId(String value) {

    public SigningKeyId {
        Identifiers.requireSlug(value, "signing key id");
    }

    @JsonCreator
    public static SigningKeyId of(String value) {
        return new SigningKeyId(value);
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
