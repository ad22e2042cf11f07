package org.endorsements.query.endorsement.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementVisibilityChanged;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.organization.Organizations;
import org.endorsements.query.projection.BatchProjection;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.shared.persistence.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * One view per endorsement (organization and statement). An event applies only if its aggregate sequence is new
 * to the view (a re-delivery after a crash finds the view already written); one that skips a sequence number is
 * applied, logged and counted ({@code endorsements.projection.gaps}): an endorsement's events are all public, so a
 * gap means an event is missing.
 */
@Component
public class EndorsementProjection implements BatchProjection {

    private static final Logger log = LoggerFactory.getLogger(EndorsementProjection.class);
    static final String ENDORSEMENTS = "endorsements";

    private final MongoTemplate mongo;
    private final Counter gaps;
    private final Organizations organizations;

    public EndorsementProjection(MongoTemplate mongo, MeterRegistry meters, Organizations organizations) {
        this.mongo = mongo;
        this.gaps = meters.counter("endorsements.projection.gaps");
        this.organizations = organizations;
    }

    @Override
    public String name() {
        return "endorsements";
    }

    @Override
    public List<String> collections() {
        return List.of(ENDORSEMENTS);
    }

    @Override
    public void declareIndexes(Generation g) {
        mongo.indexOps(g.collection(ENDORSEMENTS))
                .ensureIndex(new Index()
                        .on("statementId", Sort.Direction.ASC)
                        .on("endorsed", Sort.Direction.ASC)
                        .on("sortKey", Sort.Direction.ASC)
                        .named("current_by_order"));
    }

    /**
     * An erasure is on the organization's partition, its endorsements on their statements': this projection may
     * read either first, on one instance or two. So an erasure blanks the views already written, and a view written
     * for an organization whose erasure is known (in this batch, or in the organizations' view of this generation)
     * is blanked before it is stored. Both are idempotent, so a replay builds the same views.
     */
    @Override
    public void project(List<ProjectedEvent> batch, Generation g) {
        Set<String> ids = new HashSet<>();
        Set<String> erased = new HashSet<>();
        Set<String> organizationIds = new HashSet<>();
        for (ProjectedEvent e : batch) {
            idOf(e).ifPresent(id -> {
                ids.add(id.value());
                organizationIds.add(id.organizationId().value());
            });
            if (e.event() instanceof OrganizationPersonalDataErased x) {
                erased.add(x.organizationId().value());
            }
        }
        for (String organizationId : erased) {
            mongo.getCollection(g.collection(ENDORSEMENTS))
                    .updateMany(
                            Filters.eq("organizationId", organizationId),
                            Updates.combine(
                                    Updates.set("organizationName", OrganizationPersonalDataErased.DISPLAY_NAME),
                                    Updates.unset("withdrawalReason")));
        }
        if (ids.isEmpty()) {
            return;
        }
        erased.addAll(organizations.erasedAmong(organizationIds, g));
        Map<String, EndorsementView> loaded = new LinkedHashMap<>();
        EmbeddedServer.findByIds(mongo, ids, EndorsementView.class, g.collection(ENDORSEMENTS))
                .forEach(v -> loaded.put(v.getId(), v));
        Map<String, EndorsementView> touched = new LinkedHashMap<>();
        for (ProjectedEvent e : batch) {
            idOf(e).ifPresent(id -> {
                EndorsementView view = loaded.computeIfAbsent(id.value(), k -> EndorsementView.empty(id));
                touched.put(id.value(), view);
                apply(view, e);
            });
        }
        touched.values().stream()
                .filter(view -> erased.contains(view.getOrganizationId()))
                .forEach(EndorsementView::erased);
        // Most endorsement documents of a batch are new: inserted, and replaced only where they exist.
        EmbeddedServer.upsertById(
                mongo,
                g.collection(ENDORSEMENTS),
                touched.values().stream().map(EndorsementProjection::document).toList());
    }

    private void apply(EndorsementView view, ProjectedEvent e) {
        EndorsementView.Arrival arrival = view.arrivalOf(e.sequence());
        if (arrival == EndorsementView.Arrival.DUPLICATE) {
            return;
        }
        boolean gap = arrival == EndorsementView.Arrival.AFTER_GAP;
        if (gap) {
            log.error(
                    "Sequence gap on {}: expected {}, got {} (event {})",
                    e.aggregateId(),
                    view.getSequence() + 1,
                    e.sequence(),
                    e.eventId());
            gaps.increment();
        }
        if (e.event() instanceof EndorsementAdded a) {
            view.added(
                    a.organizationName(),
                    a.endorsedAt(),
                    a.source().wireName(),
                    a.entryNumber(),
                    a.actor(),
                    a.contentHash(),
                    a.signerOpening(),
                    EndorsementVisibility.orDefault(a.visibility()).wireName(),
                    e.sequence(),
                    gap);
            view.read(a.readContentHash());
            view.attested(a.assurance().wireName(), keyIdOf(a.signature()));
        } else if (e.event() instanceof EndorsementReconfirmed r) {
            view.reconfirmed(r.contentHash(), r.readContentHash(), r.reconfirmedAt(), r.actor(), e.sequence(), gap);
            view.attested(r.assurance().wireName(), keyIdOf(r.signature()));
        } else if (e.event() instanceof EndorsementWithdrawn w) {
            view.withdrawn(w.withdrawnAt(), w.reason(), w.actor(), e.sequence(), gap);
            view.attested(w.assurance().wireName(), keyIdOf(w.signature()));
        } else if (e.event() instanceof EndorsementVisibilityChanged v) {
            view.visibilityChanged(v.visibility().wireName(), e.sequence(), gap);
        } else if (e.event() instanceof EndorsementInvalidated i) {
            view.invalidated(i.category().wireName(), i.reason(), i.invalidatedAt(), i.actor(), e.sequence(), gap);
        } else if (e.event() instanceof EndorsementReinstated r) {
            view.reinstated(r.actor(), e.sequence(), gap);
            // The admin's act is what counts it again: its level is the reinstatement's, its signature still its own.
            if (r.assurance() != null) {
                view.attested(r.assurance().wireName(), view.getSigningKeyId());
            }
        }
    }

    private static String keyIdOf(ActionSignature signature) {
        return signature == null ? null : signature.keyId().value();
    }

    private static Optional<EndorsementId> idOf(ProjectedEvent e) {
        if (e.event() instanceof EndorsementAdded a) {
            return Optional.of(new EndorsementId(a.statementId(), a.organizationId()));
        }
        if (e.event() instanceof EndorsementWithdrawn w) {
            return Optional.of(new EndorsementId(w.statementId(), w.organizationId()));
        }
        if (e.event() instanceof EndorsementVisibilityChanged v) {
            return Optional.of(new EndorsementId(v.statementId(), v.organizationId()));
        }
        if (e.event() instanceof EndorsementReconfirmed r) {
            return Optional.of(new EndorsementId(r.statementId(), r.organizationId()));
        }
        if (e.event() instanceof EndorsementInvalidated i) {
            return Optional.of(new EndorsementId(i.statementId(), i.organizationId()));
        }
        if (e.event() instanceof EndorsementReinstated r) {
            return Optional.of(new EndorsementId(r.statementId(), r.organizationId()));
        }
        return Optional.empty();
    }

    /**
     * The stored form, built by hand: Spring Data's reflective mapping is a noticeable share of the projection's cost. The
     * form is exactly the mapping's (same fields, nulls left out, instants as dates, the type hint), so the read
     * side and older documents are unaffected; a test holds the two equal.
     */
    static Document document(EndorsementView view) {
        Document document = new Document("_id", view.getId());
        put(document, "statementId", view.getStatementId());
        put(document, "organizationId", view.getOrganizationId());
        put(document, "organizationName", view.getOrganizationName());
        document.append("endorsed", view.isEndorsed());
        put(document, "endorsedAt", view.getEndorsedAt());
        put(document, "firstEndorsedAt", view.getFirstEndorsedAt());
        put(document, "withdrawnAt", view.getWithdrawnAt());
        put(document, "withdrawalReason", view.getWithdrawalReason());
        put(document, "invalidationCategory", view.getInvalidationCategory());
        put(document, "invalidationReason", view.getInvalidationReason());
        put(document, "invalidatedAt", view.getInvalidatedAt());
        put(document, "source", view.getSource());
        put(document, "entryNumber", view.getEntryNumber());
        put(document, "actor", view.getActor());
        put(document, "contentHash", view.getContentHash());
        if (view.getContentHash() != null) {
            put(document, "readContentHash", view.getReadContentHash());
        }
        put(document, "reconfirmedAt", view.getReconfirmedAt());
        put(document, "signerOpening", view.getSignerOpening());
        put(document, "visibility", view.getVisibility());
        put(document, "assurance", view.getAssurance());
        put(document, "signingKeyId", view.getSigningKeyId());
        put(document, "sortKey", view.getSortKey());
        document.append("sequence", view.getSequence());
        document.append("gaps", view.getGaps());
        return document.append("_class", EndorsementView.class.getName());
    }

    private static void put(Document document, String field, Object value) {
        if (value instanceof Instant instant) {
            document.append(field, Date.from(instant));
        } else if (value != null) {
            document.append(field, value);
        }
    }
}
