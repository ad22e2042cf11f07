package org.endorsements.query.organization.persistence;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementVisibilityChanged;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.OrganizationHidden;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.OrganizationSuspended;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.projection.BatchProjection;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.shared.persistence.BulkWrites;
import org.endorsements.query.shared.persistence.EmbeddedServer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * An organization's profile (its own public events, applied once per sequence; its sequence numbers skip the
 * events that are not public) and, per statement, its latest endorsement change (kept unless an equal or later
 * endorsement sequence is recorded, which guards a re-delivery).
 */
@Component
public class OrganizationProjection implements BatchProjection {

    static final String ORGANIZATIONS = "organizations";

    private final MongoTemplate mongo;

    public OrganizationProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return "organizations";
    }

    @Override
    public List<String> collections() {
        return List.of(ORGANIZATIONS);
    }

    @Override
    public void declareIndexes(Generation g) {
        mongo.indexOps(g.collection(ORGANIZATIONS))
                .ensureIndex(new Index().on("hidden", Sort.Direction.ASC).named("hidden"));
    }

    @Override
    public void project(List<ProjectedEvent> batch, Generation g) {
        Set<String> ids = new HashSet<>();
        for (ProjectedEvent e : batch) {
            if (e.event() instanceof EndorsementAdded a) {
                ids.add(a.organizationId().value());
            } else if (e.event() instanceof EndorsementWithdrawn w) {
                ids.add(w.organizationId().value());
            } else if (e.event() instanceof EndorsementVisibilityChanged v) {
                ids.add(v.organizationId().value());
            } else if (e.event() instanceof EndorsementInvalidated i) {
                ids.add(i.organizationId().value());
            } else if (e.event() instanceof EndorsementReinstated r) {
                ids.add(r.organizationId().value());
            } else if (e.event() instanceof OrganizationRegistered
                    || e.event() instanceof OrganizationSuspended
                    || e.event() instanceof OrganizationHidden) {
                ids.add(e.event().streamKey());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<String, OrganizationView> loaded = new LinkedHashMap<>();
        EmbeddedServer.findByIds(mongo, ids, OrganizationView.class, g.collection(ORGANIZATIONS))
                .forEach(v -> loaded.put(v.getId(), v));
        Map<String, OrganizationView> touched = new LinkedHashMap<>();
        for (ProjectedEvent e : batch) {
            if (e.event() instanceof OrganizationRegistered r) {
                OrganizationView o = view(loaded, touched, r.organizationId().value());
                if (e.sequence() > o.getSequence()) {
                    o.registered(
                            r.name(), r.country(), r.region(), r.kind(), r.website(), r.registeredAt(), e.sequence());
                }
            } else if (e.event() instanceof OrganizationSuspended s) {
                OrganizationView o = view(loaded, touched, s.organizationId().value());
                if (e.sequence() > o.getSequence()) {
                    o.suspended(e.sequence());
                }
            } else if (e.event() instanceof OrganizationHidden h) {
                OrganizationView o = view(loaded, touched, h.organizationId().value());
                if (e.sequence() > o.getSequence()) {
                    o.hidden(e.sequence());
                }
            } else if (e.event() instanceof EndorsementAdded a) {
                view(loaded, touched, a.organizationId().value())
                        .signature(
                                a.statementId().value(),
                                true,
                                a.endorsedAt(),
                                e.sequence(),
                                EndorsementVisibility.orDefault(a.visibility()).wireName());
            } else if (e.event() instanceof EndorsementWithdrawn w) {
                view(loaded, touched, w.organizationId().value())
                        .signature(w.statementId().value(), false, w.withdrawnAt(), e.sequence(), null);
            } else if (e.event() instanceof EndorsementVisibilityChanged v) {
                view(loaded, touched, v.organizationId().value())
                        .visibility(v.statementId().value(), v.visibility().wireName(), e.sequence());
            } else if (e.event() instanceof EndorsementInvalidated i) {
                view(loaded, touched, i.organizationId().value())
                        .signature(i.statementId().value(), false, i.invalidatedAt(), e.sequence(), null);
            } else if (e.event() instanceof EndorsementReinstated r) {
                view(loaded, touched, r.organizationId().value())
                        .signature(r.statementId().value(), true, r.reinstatedAt(), e.sequence(), null);
            }
        }
        // Most organization documents of a batch are new: inserted, and replaced only where they exist.
        EmbeddedServer.upsertById(mongo, g.collection(ORGANIZATIONS), BulkWrites.documents(mongo, touched.values()));
    }

    private static OrganizationView view(
            Map<String, OrganizationView> loaded, Map<String, OrganizationView> touched, String id) {
        OrganizationView view = loaded.computeIfAbsent(id, OrganizationView::placeholder);
        touched.put(id, view);
        return view;
    }
}
