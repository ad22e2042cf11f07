package org.endorsements.events;

import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a request, in both services: the public (no key), an auditor, the admin, or an organization through
 * one of its credentials. One model, so "may this caller act for that organization" means the same on the write
 * and the read side. {@link #auditName()} is what events record as their actor ({@code admin},
 * {@code credential:<id>}), so auditors can tell which key acted.
 *
 * @param role           which of the four
 * @param organizationId the organization an {@link Role#ORGANIZATION} caller acts for, else null
 * @param credentialId   the id of the credential an organization used, else null
 */
public record Caller(Role role, OrganizationId organizationId, String credentialId) {

    public enum Role {
        PUBLIC,
        AUDITOR,
        ADMIN,
        ORGANIZATION;

        /** The Spring Security authority a service grants for this role. */
        public String authority() {
            return "ROLE_" + name();
        }
    }

    public static final String ADMIN_ACTOR = "admin";
    public static final String CREDENTIAL_ACTOR_PREFIX = "credential:";

    public static final Caller PUBLIC = new Caller(Role.PUBLIC, null, null);
    public static final Caller AUDITOR = new Caller(Role.AUDITOR, null, null);
    public static final Caller ADMIN = new Caller(Role.ADMIN, null, null);

    public Caller {
        Objects.requireNonNull(role, "role");
        boolean organization = role == Role.ORGANIZATION;
        if (organization != (organizationId != null) || organization != (credentialId != null)) {
            throw new IllegalArgumentException(
                    "an organization caller, and only one, names its organization and its credential");
        }
    }

    public static Caller organization(OrganizationId organizationId, String credentialId) {
        return new Caller(
                Role.ORGANIZATION,
                Objects.requireNonNull(organizationId, "organizationId"),
                Objects.requireNonNull(credentialId, "credentialId"));
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Auditors may read the whole history; so may the admin. */
    public boolean isAuditor() {
        return role == Role.AUDITOR || role == Role.ADMIN;
    }

    /** True only for an organization's own credential: not even the admin acts for an organization. */
    public boolean actsFor(OrganizationId id) {
        return role == Role.ORGANIZATION && organizationId.equals(id);
    }

    /**
     * {@link #actsFor(OrganizationId)} for an id as a request names it (a path variable), which need not even be a
     * valid id: then no caller acts for it.
     */
    public boolean actsFor(String id) {
        return role == Role.ORGANIZATION && organizationId.value().equals(id);
    }

    public Optional<OrganizationId> organization() {
        return Optional.ofNullable(organizationId);
    }

    /** The actor an event records; only the admin and organizations write. */
    public String auditName() {
        return switch (role) {
            case ADMIN -> ADMIN_ACTOR;
            case ORGANIZATION -> CREDENTIAL_ACTOR_PREFIX + credentialId;
            case PUBLIC, AUDITOR -> throw new IllegalStateException(role + " callers write nothing");
        };
    }
}
