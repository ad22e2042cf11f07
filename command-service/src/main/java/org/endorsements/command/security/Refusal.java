package org.endorsements.command.security;

import org.springframework.security.authorization.AuthorizationDecision;

/** A denied authorization that says why, so the 403 problem can name the rule (its code is the problem type). */
final class Refusal extends AuthorizationDecision {

    static final Refusal ADMIN_ONLY = new Refusal("admin-only", "Only an admin may do this.");
    static final Refusal NOT_YOUR_ORGANIZATION =
            new Refusal("not-your-organization", "An organization acts only for itself.");
    static final Refusal NOT_AN_ENDPOINT = new Refusal("forbidden", "There is nothing here for this key.");

    private final String code;
    private final String detail;

    private Refusal(String code, String detail) {
        super(false);
        this.code = code;
        this.detail = detail;
    }

    String code() {
        return code;
    }

    String detail() {
        return detail;
    }
}
