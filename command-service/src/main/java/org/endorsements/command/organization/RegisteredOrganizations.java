package org.endorsements.command.organization;

import org.endorsements.events.OrganizationId;

/**
 * What this feature asks of the registry (which depends on this feature for the credential events, so this feature
 * does not depend on it): whether an id is a registered organization, and whether it is suspended now.
 */
public interface RegisteredOrganizations {

    boolean isRegistered(OrganizationId organizationId);

    /** Whether an organization holds this handle now (an erased organization's handle is free again). */
    boolean isHandleTaken(String handle);

    /** Whether the organization's personal data was erased; false for an unknown one. Erasure is forever. */
    boolean isErased(OrganizationId organizationId);

    /** False for an organization that is active or unknown. */
    boolean isSuspended(OrganizationId organizationId);
}
