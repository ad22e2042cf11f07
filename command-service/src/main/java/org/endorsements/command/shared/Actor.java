package org.endorsements.command.shared;

import org.endorsements.events.OrganizationId;

/**
 * Who issued a command: the platform admin, or an organization through one of its credentials. Recorded in events
 * as {@link #auditName()} so auditors can tell which key acted.
 */
public sealed interface Actor {

    String auditName();

    record Admin() implements Actor {
        @Override
        public String auditName() {
            return "admin";
        }
    }

    record OrganizationCredential(OrganizationId organizationId, String credentialId) implements Actor {
        @Override
        public String auditName() {
            return "credential:" + credentialId;
        }
    }

    static Actor admin() {
        return new Admin();
    }

    default boolean isAdmin() {
        return this instanceof Admin;
    }

    default boolean actsFor(OrganizationId organizationId) {
        return this instanceof OrganizationCredential c && c.organizationId().equals(organizationId);
    }
}
