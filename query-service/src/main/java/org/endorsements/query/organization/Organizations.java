package org.endorsements.query.organization;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What other features may ask of the organizations' views. */
public interface Organizations {

    Optional<OrganizationView> find(String organizationId);

    /** Organizations by id, in indexed queries. */
    Map<String, OrganizationView> byIds(Collection<String> ids);
}
