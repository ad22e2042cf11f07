package org.endorsements.query.security;

/** Who is reading: the public (no key), an auditor, or the admin (who may also do what an auditor does). */
public enum Reader {
    PUBLIC, AUDITOR, ADMIN;

    public boolean isAuditor() {
        return this == AUDITOR || this == ADMIN;
    }
}
