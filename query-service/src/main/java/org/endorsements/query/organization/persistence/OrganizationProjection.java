package org.endorsements.query.organization.persistence;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementVisibilityChanged;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.OrganizationHidden;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.events.OrganizationProfileUpdated;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.OrganizationSuspended;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.projection.BatchProjection;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.shared.persistence.EmbeddedServer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * An organization's profile (its own public events, applied once per sequence; its sequence numbers skip the
 * events that are not public) and, per statement, its latest endorsement change (kept unless an equal or later
 * endorsement sequence is recorded, which guards a re-delivery). Read as {@link OrganizationView}.
 */
@Component
public class OrganizationProjection implements BatchProjection {

    static final String ORGANIZATIONS = "organizations";
    private static final String SEQUENCE = "sequence";
    private static final String SUSPENDED = "suspended";
    private static final String HIDDEN = "hidden";
    static final String ERASED = "erased";
    static final String HANDLE = "handle";
    private static final String STATEMENTS = "statements";
    private static final BulkWriteOptions IN_ORDER = new BulkWriteOptions().ordered(true);

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
                .ensureIndex(new Index().on(HIDDEN, Sort.Direction.ASC).named(HIDDEN));
        mongo.indexOps(g.collection(ORGANIZATIONS))
                .ensureIndex(new Index().on(HANDLE, Sort.Direction.ASC).named(HANDLE));
    }

    /**
     * Every event is one atomic update of its own fields, by {@code _id} and guarded by a sequence, never a
     * replacement of the document: the organization's events and its endorsements are on different partitions, so
     * two query instances (or two consumer threads) write the same document at once. A whole-document write from
     * one of them, read before the other's hide, would put {@code hidden: false} back (a lost update).
     * <p>
     * A document is first created if it is missing (an insert that one already there refuses), so that no update
     * needs an upsert, whose guard would otherwise try a second insert of the same {@code _id}. The updates are
     * then applied in the batch's order.
     */
    @Override
    public void project(List<ProjectedEvent> batch, Generation g) {
        Set<String> ids = new LinkedHashSet<>();
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        for (ProjectedEvent e : batch) {
            if (e.event() instanceof OrganizationRegistered r) {
                String id = r.organizationId().value();
                ids.add(id);
                updates.add(new UpdateOneModel<>(
                        Filters.and(Filters.eq("_id", id), Filters.lt(SEQUENCE, e.sequence())),
                        Updates.combine(
                                Updates.set("name", r.name()),
                                Updates.set(HANDLE, r.handleOrId()),
                                Updates.set("country", r.country()),
                                Updates.set("region", r.region()),
                                Updates.set("kind", r.kind()),
                                Updates.set("website", r.website()),
                                Updates.set("registeredAt", date(r.registeredAt())),
                                Updates.set(SEQUENCE, e.sequence()))));
            } else if (e.event() instanceof OrganizationSuspended su) {
                String id = su.organizationId().value();
                ids.add(id);
                // Nothing lifts a suspension or a hide: setting the flag again is harmless, whatever came between.
                updates.add(new UpdateOneModel<>(
                        Filters.eq("_id", id),
                        Updates.combine(Updates.set(SUSPENDED, true), Updates.max(SEQUENCE, e.sequence()))));
            } else if (e.event() instanceof OrganizationProfileUpdated u) {
                String id = u.organizationId().value();
                ids.add(id);
                // The whole profile as the event has it, as a registration sets it.
                updates.add(new UpdateOneModel<>(
                        Filters.and(Filters.eq("_id", id), Filters.lt(SEQUENCE, e.sequence())),
                        Updates.combine(
                                Updates.set("country", u.country()),
                                Updates.set("region", u.region()),
                                Updates.set("kind", u.kind()),
                                Updates.set("website", u.website()),
                                Updates.set(SEQUENCE, e.sequence()))));
            } else if (e.event() instanceof EndorsementReconfirmed rc) {
                String id = rc.organizationId().value();
                ids.add(id);
                String entry = STATEMENTS + "." + rc.statementId().value();
                // Same endorsement, newer version: only its sequence moves, so that a re-delivery is recognised.
                updates.add(new UpdateOneModel<>(
                        Filters.and(Filters.eq("_id", id), Filters.lt(entry + "." + SEQUENCE, e.sequence())),
                        Updates.set(entry + "." + SEQUENCE, e.sequence())));
            } else if (e.event() instanceof OrganizationHidden h) {
                String id = h.organizationId().value();
                ids.add(id);
                updates.add(new UpdateOneModel<>(
                        Filters.eq("_id", id),
                        Updates.combine(Updates.set(HIDDEN, true), Updates.max(SEQUENCE, e.sequence()))));
            } else if (e.event() instanceof OrganizationPersonalDataErased x) {
                String id = x.organizationId().value();
                ids.add(id);
                // The sequence moves past the registration and every profile update, whose guarded updates then
                // never apply again (a re-delivery, or a replay that reads them after this).
                updates.add(new UpdateOneModel<>(
                        Filters.eq("_id", id),
                        Updates.combine(
                                Updates.set(ERASED, true),
                                Updates.set(HIDDEN, true),
                                Updates.unset("name"),
                                Updates.unset(HANDLE),
                                Updates.unset("country"),
                                Updates.unset("region"),
                                Updates.unset("kind"),
                                Updates.unset("website"),
                                Updates.max(SEQUENCE, e.sequence()))));
            } else if (e.event() instanceof EndorsementAdded a) {
                String id = a.organizationId().value();
                ids.add(id);
                String entry = STATEMENTS + "." + a.statementId().value();
                updates.add(new UpdateOneModel<>(
                        notYetAt(id, entry, e.sequence()),
                        Updates.combine(
                                Updates.set(entry + ".endorsed", true),
                                Updates.set(entry + ".at", date(a.endorsedAt())),
                                Updates.set(entry + "." + SEQUENCE, e.sequence()),
                                Updates.set(
                                        entry + ".visibility",
                                        EndorsementVisibility.orDefault(a.visibility())
                                                .wireName()))));
            } else if (e.event() instanceof EndorsementWithdrawn w) {
                String id = w.organizationId().value();
                ids.add(id);
                String entry = STATEMENTS + "." + w.statementId().value();
                // The visibility is left as it was: a re-endorsement sets its own.
                updates.add(new UpdateOneModel<>(
                        notYetAt(id, entry, e.sequence()),
                        Updates.combine(
                                Updates.set(entry + ".endorsed", false),
                                Updates.set(entry + ".at", date(w.withdrawnAt())),
                                Updates.set(entry + "." + SEQUENCE, e.sequence()))));
            } else if (e.event() instanceof EndorsementVisibilityChanged v) {
                String id = v.organizationId().value();
                ids.add(id);
                String entry = STATEMENTS + "." + v.statementId().value();
                // Only a recorded endorsement changes: its own events come in order on its partition.
                updates.add(new UpdateOneModel<>(
                        Filters.and(Filters.eq("_id", id), Filters.lt(entry + "." + SEQUENCE, e.sequence())),
                        Updates.combine(
                                Updates.set(
                                        entry + ".visibility", v.visibility().wireName()),
                                Updates.set(entry + "." + SEQUENCE, e.sequence()))));
            } else if (e.event() instanceof EndorsementInvalidated inv) {
                String id = inv.organizationId().value();
                ids.add(id);
                String entry = STATEMENTS + "." + inv.statementId().value();
                // Out of the count as a withdrawal is; the visibility stays for a reinstatement.
                updates.add(new UpdateOneModel<>(
                        notYetAt(id, entry, e.sequence()),
                        Updates.combine(
                                Updates.set(entry + ".endorsed", false),
                                Updates.set(entry + ".at", date(inv.invalidatedAt())),
                                Updates.set(entry + "." + SEQUENCE, e.sequence()))));
            } else if (e.event() instanceof EndorsementReinstated rs) {
                String id = rs.organizationId().value();
                ids.add(id);
                String entry = STATEMENTS + "." + rs.statementId().value();
                updates.add(new UpdateOneModel<>(
                        notYetAt(id, entry, e.sequence()),
                        Updates.combine(
                                Updates.set(entry + ".endorsed", true),
                                Updates.set(entry + ".at", date(rs.reinstatedAt())),
                                Updates.set(entry + "." + SEQUENCE, e.sequence()))));
            }
        }
        if (updates.isEmpty()) {
            return;
        }
        String collection = g.collection(ORGANIZATIONS);
        EmbeddedServer.insertImmutable(
                mongo,
                collection,
                ids.stream().map(OrganizationProjection::placeholder).toList());
        mongo.getCollection(collection).bulkWrite(updates, IN_ORDER);
    }

    /** An organization document before any of its events: what {@link OrganizationView#placeholder} holds. */
    private static Document placeholder(String id) {
        return new Document("_id", id)
                .append(SUSPENDED, false)
                .append(HIDDEN, false)
                .append(SEQUENCE, -1L)
                .append(STATEMENTS, new Document());
    }

    /** The document, unless its entry already records this endorsement sequence or a later one (a re-delivery). */
    private static Bson notYetAt(String id, String entry, long sequence) {
        return Filters.and(Filters.eq("_id", id), Filters.not(Filters.gte(entry + "." + SEQUENCE, sequence)));
    }

    /** Stored as Spring Data stores an {@link Instant} of a view. */
    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }
}
