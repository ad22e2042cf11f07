package org.endorsements.query.organization.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.organization.Organizations;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.shared.persistence.EmbeddedServer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
public class OrganizationQueries implements Organizations {

    private final MongoTemplate mongo;
    private final LiveGeneration live;

    public OrganizationQueries(MongoTemplate mongo, LiveGeneration live) {
        this.mongo = mongo;
        this.live = live;
    }

    @Override
    public Optional<OrganizationView> find(String organizationId) {
        return Optional.ofNullable(mongo.findById(
                organizationId,
                OrganizationView.class,
                live.current().collection(OrganizationProjection.ORGANIZATIONS)));
    }

    @Override
    public Set<String> hiddenIds() {
        Query query = Query.query(Criteria.where("hidden").is(true));
        query.fields().include("_id");
        return mongo
                .find(query, Document.class, live.current().collection(OrganizationProjection.ORGANIZATIONS))
                .stream()
                .map(d -> d.getString("_id"))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Set<String> erasedIds() {
        return idsWhere(Criteria.where(OrganizationProjection.ERASED).is(true), live.current());
    }

    @Override
    public Set<String> erasedAmong(Collection<String> ids, Generation g) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return idsWhere(
                Criteria.where("_id").in(ids).and(OrganizationProjection.ERASED).is(true), g);
    }

    @Override
    public Optional<OrganizationView> findByHandle(String handle) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where(OrganizationProjection.HANDLE).is(handle)),
                OrganizationView.class,
                live.current().collection(OrganizationProjection.ORGANIZATIONS)));
    }

    private Set<String> idsWhere(Criteria criteria, Generation g) {
        Query query = Query.query(criteria);
        query.fields().include("_id");
        return mongo.find(query, Document.class, g.collection(OrganizationProjection.ORGANIZATIONS)).stream()
                .map(d -> d.getString("_id"))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Map<String, OrganizationView> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<OrganizationView> found = EmbeddedServer.findByIds(
                mongo, ids, OrganizationView.class, live.current().collection(OrganizationProjection.ORGANIZATIONS));
        return found.stream().collect(Collectors.toMap(OrganizationView::getId, Function.identity()));
    }
}
