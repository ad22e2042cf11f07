package org.endorsements.query.audit.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.endorsements.events.ApiCredentialIssued;
import org.endorsements.events.ApiCredentialRevoked;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementVisibilityChanged;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.InvalidatedEndorsementWithdrawn;
import org.endorsements.events.OrganizationHidden;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.events.OrganizationProfileUpdated;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.OrganizationSuspended;
import org.endorsements.events.SigningKeyPinned;
import org.endorsements.events.SigningKeyRegistered;
import org.endorsements.events.SigningKeyRevoked;
import org.endorsements.events.StatementAmended;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementGoalReached;
import org.endorsements.events.StatementPublished;
import org.endorsements.events.StatementTargetsSet;
import org.endorsements.events.StatementTranslationAdded;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.projection.BatchProjection;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.shared.persistence.EmbeddedServer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * One immutable entry per event, keyed by event id: an entry already stored (the same event re-delivered after a
 * crash) is left as first written, so a re-delivery neither fails the batch nor changes its first entry.
 */
@Component
public class AuditProjection implements BatchProjection {

    static final String AUDIT = "audit";

    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditProjection(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public List<String> collections() {
        return List.of(AUDIT);
    }

    @Override
    public void declareIndexes(Generation g) {
        mongo.indexOps(g.collection(AUDIT))
                .ensureIndex(new Index()
                        .on("statementId", Sort.Direction.ASC)
                        .on("offset", Sort.Direction.ASC)
                        .named("statement_history"));
        mongo.indexOps(g.collection(AUDIT))
                .ensureIndex(new Index()
                        .on("statementId", Sort.Direction.ASC)
                        .on("type", Sort.Direction.ASC)
                        .on("occurredAt", Sort.Direction.ASC)
                        .named("statement_as_of"));
        mongo.indexOps(g.collection(AUDIT))
                .ensureIndex(new Index()
                        .on("organizationId", Sort.Direction.ASC)
                        .on("occurredAt", Sort.Direction.ASC)
                        .named("organization_history"));
        // Only credential issues have the field: the history looks up who issued the key each endorsement names.
        mongo.indexOps(g.collection(AUDIT))
                .ensureIndex(new Index()
                        .on("payload.credentialId", Sort.Direction.ASC)
                        .sparse()
                        .named("credential_issued"));
    }

    /**
     * An erased organization's entries keep what the history proves (types, times, sequences, hashes, openings,
     * signatures) and lose what names it. Its erasure travels on its own partition, so it may be read before or
     * after its endorsements' events: an erasure scrubs the entries already stored, and an entry of an organization
     * whose erasure is stored (or in this batch) is scrubbed before it is stored. Entries stay otherwise immutable.
     */
    @Override
    public void project(List<ProjectedEvent> batch, Generation g) {
        Map<String, Document> entries = new LinkedHashMap<>();
        Set<String> erased = new HashSet<>();
        Set<String> organizationIds = new HashSet<>();
        for (ProjectedEvent e : batch) {
            AuditEntry entry = entry(e);
            entries.putIfAbsent(e.eventId(), document(entry));
            if (entry.organizationId() != null) {
                organizationIds.add(entry.organizationId());
            }
            if (e.event() instanceof OrganizationPersonalDataErased x) {
                erased.add(x.organizationId().value());
            }
        }
        String collection = g.collection(AUDIT);
        if (!organizationIds.isEmpty()) {
            mongo.getCollection(collection)
                    .find(Filters.and(Filters.eq("type", ERASED), Filters.in("organizationId", organizationIds)))
                    .forEach(d -> erased.add(d.getString("organizationId")));
        }
        entries.values().stream()
                .filter(d -> erased.contains(d.getString("organizationId")))
                .forEach(d -> scrub(d.get("payload", Document.class), d.getString("type")));
        for (String organizationId : erased) {
            scrubStored(collection, organizationId);
        }
        EmbeddedServer.insertImmutable(mongo, collection, List.copyOf(entries.values()));
    }

    private static final String ERASED = EventMessageFormat.typeOf(OrganizationPersonalDataErased.class);
    /** Fields that name an organization, in any event's payload. */
    private static final List<String> NAMES = List.of("name", "organizationName");

    private static final List<String> PROFILE = List.of("handle", "website", "region", "kind", "country");
    /** Reasons that are the organization's own words (or its request's), sealed like its name. */
    private static final Set<String> WITHDRAWALS = Set.of(
            EventMessageFormat.typeOf(EndorsementWithdrawn.class),
            EventMessageFormat.typeOf(InvalidatedEndorsementWithdrawn.class),
            EventMessageFormat.typeOf(org.endorsements.events.OrganizationHidden.class));

    static void scrub(Document payload, String type) {
        if (payload == null) {
            return;
        }
        for (String field : NAMES) {
            if (payload.containsKey(field)) {
                payload.put(field, OrganizationPersonalDataErased.DISPLAY_NAME);
            }
        }
        PROFILE.forEach(payload::remove);
        if (WITHDRAWALS.contains(type)) {
            payload.remove("reason");
        }
    }

    private void scrubStored(String collection, String organizationId) {
        var entries = mongo.getCollection(collection);
        for (String field : NAMES) {
            entries.updateMany(
                    Filters.and(Filters.eq("organizationId", organizationId), Filters.exists("payload." + field)),
                    Updates.set("payload." + field, OrganizationPersonalDataErased.DISPLAY_NAME));
        }
        entries.updateMany(
                Filters.eq("organizationId", organizationId),
                Updates.combine(PROFILE.stream()
                        .map(field -> Updates.unset("payload." + field))
                        .toList()));
        entries.updateMany(
                Filters.and(Filters.eq("organizationId", organizationId), Filters.in("type", WITHDRAWALS)),
                Updates.unset("payload.reason"));
    }

    AuditEntry entry(ProjectedEvent e) {
        String statementId = null;
        String organizationId = null;
        String actor = null;
        EndorsementEvent event = e.event();
        if (event instanceof StatementPublished p) {
            statementId = p.statementId().value();
            actor = p.publishedBy();
        } else if (event instanceof StatementClosed c) {
            statementId = c.statementId().value();
            actor = c.closedBy();
        } else if (event instanceof EndorsementAdded a) {
            statementId = a.statementId().value();
            organizationId = a.organizationId().value();
            actor = a.actor();
        } else if (event instanceof EndorsementWithdrawn w) {
            statementId = w.statementId().value();
            organizationId = w.organizationId().value();
            actor = w.actor();
        } else if (event instanceof OrganizationRegistered r) {
            organizationId = r.organizationId().value();
            actor = r.registeredBy();
        } else if (event instanceof OrganizationSuspended s) {
            organizationId = s.organizationId().value();
            actor = s.suspendedBy();
        } else if (event instanceof OrganizationHidden h) {
            organizationId = h.organizationId().value();
            actor = h.hiddenBy();
        } else if (event instanceof OrganizationPersonalDataErased x) {
            organizationId = x.organizationId().value();
            actor = x.erasedBy();
        } else if (event instanceof StatementTargetsSet t) {
            statementId = t.statementId().value();
            actor = t.setBy();
        } else if (event instanceof StatementGoalReached r) {
            statementId = r.statementId().value();
        } else if (event instanceof EndorsementInvalidated i) {
            statementId = i.statementId().value();
            organizationId = i.organizationId().value();
            actor = i.actor();
        } else if (event instanceof EndorsementReinstated r) {
            statementId = r.statementId().value();
            organizationId = r.organizationId().value();
            actor = r.actor();
        } else if (event instanceof InvalidatedEndorsementWithdrawn w) {
            statementId = w.statementId().value();
            organizationId = w.organizationId().value();
            actor = w.actor();
        } else if (event instanceof EndorsementVisibilityChanged v) {
            statementId = v.statementId().value();
            organizationId = v.organizationId().value();
            actor = v.actor();
        } else if (event instanceof StatementTranslationAdded t) {
            statementId = t.statementId().value();
            actor = t.addedBy();
        } else if (event instanceof StatementAmended a) {
            statementId = a.statementId().value();
            actor = a.amendedBy();
        } else if (event instanceof EndorsementReconfirmed r) {
            statementId = r.statementId().value();
            organizationId = r.organizationId().value();
            actor = r.actor();
        } else if (event instanceof OrganizationProfileUpdated u) {
            organizationId = u.organizationId().value();
            actor = u.updatedBy();
        } else if (event instanceof SigningKeyRegistered k) {
            organizationId = k.organizationId().value();
            actor = k.registeredBy();
        } else if (event instanceof SigningKeyRevoked k) {
            organizationId = k.organizationId().value();
            actor = k.revokedBy();
        } else if (event instanceof SigningKeyPinned p) {
            organizationId = p.organizationId().value();
            actor = p.pinnedBy();
        } else if (event instanceof ApiCredentialIssued c) {
            organizationId = c.organizationId().value();
            actor = c.issuedBy();
        } else if (event instanceof ApiCredentialRevoked c) {
            organizationId = c.organizationId().value();
            actor = c.revokedBy();
        }
        Document payload = Document.parse(new String(e.payload(), StandardCharsets.UTF_8));
        return new AuditEntry(
                e.eventId(),
                e.type(),
                statementId,
                organizationId,
                actor,
                e.time(),
                clock.instant(),
                e.aggregateType(),
                e.aggregateId(),
                e.sequence(),
                e.partition(),
                e.offset(),
                payload);
    }

    /**
     * The stored form, built by hand: Spring Data's reflective mapping is a noticeable share of the projection's cost. The
     * form is exactly the mapping's (same fields, nulls left out, instants as dates, the type hint), so the read
     * side and older documents are unaffected; a test holds the two equal.
     */
    static Document document(AuditEntry entry) {
        Document document = new Document("_id", entry.id());
        put(document, "type", entry.type());
        put(document, "statementId", entry.statementId());
        put(document, "organizationId", entry.organizationId());
        put(document, "actor", entry.actor());
        put(document, "occurredAt", entry.occurredAt());
        put(document, "projectedAt", entry.projectedAt());
        put(document, "aggregateType", entry.aggregateType());
        put(document, "aggregateId", entry.aggregateId());
        document.append("sequence", entry.sequence());
        document.append("partition", entry.partition());
        document.append("offset", entry.offset());
        put(document, "payload", entry.payload());
        return document.append("_class", AuditEntry.class.getName());
    }

    private static void put(Document document, String field, Object value) {
        if (value instanceof Instant instant) {
            document.append(field, Date.from(instant));
        } else if (value != null) {
            document.append(field, value);
        }
    }
}
