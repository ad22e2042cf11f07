package org.endorsements.command.organization;

import org.endorsements.events.OrganizationId;

/** Whether an organization is suspended now, answered by the registry (which this feature does not depend on). */
public interface SuspendedOrganizations {

    /** False for an organization that is active or unknown. */
    boolean isSuspended(OrganizationId organizationId);
}
