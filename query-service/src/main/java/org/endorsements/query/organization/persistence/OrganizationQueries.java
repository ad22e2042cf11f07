package org.endorsements.query.organization.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.projection.persistence.ActiveViews;
import org.endorsements.query.projection.persistence.IdLookups;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

@Component
public class OrganizationQueries {

    private final MongoTemplate mongo;
    private final ActiveViews views;

    OrganizationQueries(MongoTemplate mongo, ActiveViews views) {
        this.mongo = mongo;
        this.views = views;
    }

    public Optional<OrganizationView> find(String organizationId) {
        return Optional.ofNullable(mongo.findById(organizationId, OrganizationView.class,
                views.collections().organizations()));
    }

    /** Organizations by id, in indexed queries. */
    public Map<String, OrganizationView> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<OrganizationView> found = IdLookups.find(mongo, ids, OrganizationView.class,
                views.collections().organizations());
        return found.stream().collect(Collectors.toMap(OrganizationView::getId, Function.identity()));
    }
}
