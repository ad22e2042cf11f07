package org.endorsements.query.organization;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.endorsements.query.projection.Generation;

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

    /** The ids of the organizations whose personal data is erased, read as {@link #hiddenIds()} is. */
    Set<String> erasedIds();

    /**
     * Which of {@code ids} are erased in the generation {@code g} a projection is writing (a replay writes another
     * generation than the one reads use).
     */
    Set<String> erasedAmong(Collection<String> ids, Generation g);

    /** The organization with this handle; an erased organization has none. */
    Optional<OrganizationView> findByHandle(String handle);
}
