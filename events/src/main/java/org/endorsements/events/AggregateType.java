package org.endorsements.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of aggregate whose events are on the topic, by their documented wire names: the value of the
 * {@code ce_aggregatetype} attribute and of the consistency token's type field. The wire name is a contract of its
 * own, not a Java class name, so renaming a class on the command side changes nothing on the topic.
 */
public enum AggregateType {
    STATEMENT("Statement"),
    ORGANIZATION("Organization"),
    ENDORSEMENT("Endorsement");

    private final String wireName;

    AggregateType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type with this wire name; empty for any other value (an unknown or misspelled attribute). */
    public static Optional<AggregateType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
