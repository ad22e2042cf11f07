package org.endorsements.command.shared;

/**
 * A command broke a business rule. {@link #code()} is stable and becomes the problem type of the HTTP answer; the
 * message is for logs only and never reaches a client.
 */
public class DomainRuleViolation extends RuntimeException {

    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        FORBIDDEN,
        INVALID
    }

    private final String code;
    private final Kind kind;

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
