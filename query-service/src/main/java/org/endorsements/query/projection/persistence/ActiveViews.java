package org.endorsements.query.projection.persistence;

import org.endorsements.query.projection.ProjectionProperties;
import org.springframework.stereotype.Component;

/** Which generation of the view collections the read API serves. */
@Component
public class ActiveViews {

    private volatile ViewCollections current;

    ActiveViews(ProjectionProperties properties) {
        this.current = new ViewCollections(properties.generation());
    }

    public ViewCollections collections() {
        return current;
    }
}
