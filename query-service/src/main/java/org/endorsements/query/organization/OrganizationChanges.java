package org.endorsements.query.organization;

import java.util.concurrent.atomic.AtomicLong;
import org.endorsements.events.AggregateType;
import org.endorsements.query.projection.ProjectionAdvanced;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A version of the organizations' profiles: it goes up whenever a batch changed an organization, so a cached
 * result that joins profiles can include it in its key and never needs invalidating.
 */
@Component
public class OrganizationChanges {

    private final AtomicLong version = new AtomicLong();

    public long version() {
        return version.get();
    }

    @EventListener
    void onAdvance(ProjectionAdvanced advanced) {
        if (advanced.touches(AggregateType.ORGANIZATION)) {
            version.incrementAndGet();
        }
    }
}
