package org.endorsements.command.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command broke a business rule. {@link #code()} is stable and becomes the problem type of the HTTP answer; the
 * message is for logs only and never reaches a client. {@link #properties()} are extra members of the problem
 * (e.g. the current content hash a stale signature should have named): values the rule chose to tell the client.
 */
public class DomainRuleViolation extends RuntimeException {

    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        FORBIDDEN,
        INVALID,
        /** The request cannot be accepted as sent (400), e.g. a signature that does not verify. */
        REJECTED
    }

    private final String code;
    private final Kind kind;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public DomainRuleViolation(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    /** Adds a member to the problem the client receives. */
    public DomainRuleViolation with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public static DomainRuleViolation rejected(String code, String message) {
        return new DomainRuleViolation(Kind.REJECTED, code, message);
    }

    public static DomainRuleViolation notFound(String code, String message) {
        return new DomainRuleViolation(Kind.NOT_FOUND, code, message);
    }

    public static DomainRuleViolation conflict(String code, String message) {
        return new DomainRuleViolation(Kind.CONFLICT, code, message);
    }

    public static DomainRuleViolation forbidden(String code, String message) {
        return new DomainRuleViolation(Kind.FORBIDDEN, code, message);
    }

    public static DomainRuleViolation invalid(String code, String message) {
        return new DomainRuleViolation(Kind.INVALID, code, message);
    }
}
