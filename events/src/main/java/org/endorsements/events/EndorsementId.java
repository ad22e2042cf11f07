package org.endorsements.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One organization's endorsement of one statement, {@code <statement id>:<organization id>}: the endorsement
 * aggregate's id, the {@code ce_subject} of its events and the key of its views. Both parts are slugs, which hold
 * no {@link #SEPARATOR}, so the text form parses back unambiguously.
 */
public record EndorsementId(StatementId statementId, OrganizationId organizationId) {

    public static final char SEPARATOR = ':';

    public EndorsementId {
        java.util.Objects.requireNonNull(statementId, "statementId");
        java.util.Objects.requireNonNull(organizationId, "organizationId");
    }

    public static EndorsementId of(String statementId, String organizationId) {
        return new EndorsementId(new StatementId(statementId), new OrganizationId(organizationId));
    }

    /** Reads the text form; an {@link IllegalArgumentException} names what is wrong with any other value. */
    @JsonCreator
    public static EndorsementId parse(String value) {
        int separator = value == null ? -1 : value.indexOf(SEPARATOR);
        if (separator < 0 || value.indexOf(SEPARATOR, separator + 1) >= 0) {
            throw new IllegalArgumentException("an endorsement id is <statement id>" + SEPARATOR + "<organization id>");
        }
        return of(value.substring(0, separator), value.substring(separator + 1));
    }

    @JsonValue
    public String value() {
        return statementId.value() + SEPARATOR + organizationId.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
