package org.endorsements.query.organization;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What other features may ask of the organizations' views. */
public interface Organizations {

    Optional<OrganizationView> find(String organizationId);

    /** Organizations by id, in indexed queries. */
    Map<String, OrganizationView> byIds(Collection<String> ids);

    /**
     * The ids of the organizations that asked to be hidden: no public view names them. Read from the view at every
     * call (an indexed query on a small set), never from a cache, so a hide is in force the moment it is projected.
     */
    Set<String> hiddenIds();
}
