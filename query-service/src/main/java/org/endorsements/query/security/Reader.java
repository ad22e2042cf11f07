package org.endorsements.query.security;

import java.util.Objects;

/**
 * Who is reading: the public (no key), an auditor, the admin (who may also do what an auditor does), or an
 * organization with its own key. It is the principal of the request's {@code Authentication}, the public's
 * included, so a controller takes it as {@code @AuthenticationPrincipal Reader reader}.
 *
 * @param kind           which of the four
 * @param organizationId the organization's id for {@link Kind#ORGANIZATION}, else null
 */
public record Reader(Kind kind, String organizationId) {

    public enum Kind {
        PUBLIC, AUDITOR, ADMIN, ORGANIZATION
    }

    public static final Reader PUBLIC = new Reader(Kind.PUBLIC, null);
    public static final Reader AUDITOR = new Reader(Kind.AUDITOR, null);
    public static final Reader ADMIN = new Reader(Kind.ADMIN, null);

    public Reader {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ORGANIZATION) != (organizationId != null)) {
            throw new IllegalArgumentException("an organization reader, and only one, names its organization");
        }
    }

    public static Reader organization(String organizationId) {
        return new Reader(Kind.ORGANIZATION, Objects.requireNonNull(organizationId, "organizationId"));
    }

    public boolean isAuditor() {
        return kind == Kind.AUDITOR || kind == Kind.ADMIN;
    }

    public boolean isOrganization(String id) {
        return kind == Kind.ORGANIZATION && organizationId.equals(id);
    }
}
