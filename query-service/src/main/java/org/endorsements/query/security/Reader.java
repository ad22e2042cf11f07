package org.endorsements.query.security;

/**
 * Who is reading: the public (no key), an auditor, the admin (who may also do what an auditor does), or an
 * organization with its own key (whose id is then on the request, see {@link #ORGANIZATION_ATTRIBUTE}).
 */
public enum Reader {
    PUBLIC, AUDITOR, ADMIN, ORGANIZATION;

    public static final String ORGANIZATION_ATTRIBUTE = "org.endorsements.query.security.Reader.organization";

    public boolean isAuditor() {
        return this == AUDITOR || this == ADMIN;
    }
}
