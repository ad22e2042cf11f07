package org.endorsements.query.audit.persistence;

import static org.endorsements.query.shared.persistence.Cursors.batched;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.endorsements.events.ApiCredentialIssued;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.audit.AuditTrail;
import org.endorsements.query.projection.LiveGeneration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
public class AuditQueries implements AuditTrail {

    private static final String ADDED = EventMessageFormat.typeOf(EndorsementAdded.class);
    private static final String WITHDRAWN = EventMessageFormat.typeOf(EndorsementWithdrawn.class);
    private static final String CREDENTIAL_ISSUED = EventMessageFormat.typeOf(ApiCredentialIssued.class);
    private static final String RECONFIRMED = EventMessageFormat.typeOf(EndorsementReconfirmed.class);
    private static final String INVALIDATED = EventMessageFormat.typeOf(EndorsementInvalidated.class);
    private static final String REINSTATED = EventMessageFormat.typeOf(EndorsementReinstated.class);

    private final MongoTemplate mongo;
    private final LiveGeneration live;

    public AuditQueries(MongoTemplate mongo, LiveGeneration live) {
        this.mongo = mongo;
        this.live = live;
    }

    private String audit() {
        return live.current().collection(AuditProjection.AUDIT);
    }

    /** A statement's events in the order they stand on the topic (one partition holds them all). */
    public List<AuditEntry> ofStatement(String statementId, int page, int size) {
        Query query = byField("statementId", statementId)
                .with(Sort.by("offset", "occurredAt"))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, AuditEntry.class, audit());
    }

    /** An organization's events, its own and its endorsements of any statement, in time order. */
    public List<AuditEntry> ofOrganization(String organizationId, int page, int size) {
        Query query = byField("organizationId", organizationId)
                .with(Sort.by("occurredAt", "offset"))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, AuditEntry.class, audit());
    }

    /**
     * The issue of each of these API credentials that the audit trail holds, by credential id (one index lookup:
     * {@code credential_issued}). Credentials issued before their events were published are absent.
     */
    public Map<String, AuditEntry> issuesOfCredentials(Collection<String> credentialIds) {
        if (credentialIds.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("payload.credentialId")
                .in(credentialIds)
                .and("type")
                .is(CREDENTIAL_ISSUED));
        Map<String, AuditEntry> issues = new HashMap<>();
        for (AuditEntry entry : mongo.find(query, AuditEntry.class, audit())) {
            issues.put(entry.payload().getString("credentialId"), entry);
        }
        return issues;
    }

    public long countOfStatement(String statementId) {
        return mongo.count(byField("statementId", statementId), audit());
    }

    public long countOfOrganization(String organizationId) {
        return mongo.count(byField("organizationId", organizationId), audit());
    }

    @Override
    public Optional<AuditEntry> latestOfAggregate(String aggregateId) {
        Query query = byField("aggregateId", aggregateId)
                .with(Sort.by(Sort.Direction.DESC, "sequence"))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(query, AuditEntry.class, audit()));
    }

    @Override
    public List<AuditEntry> allOfAggregate(String aggregateId) {
        return mongo.find(byField("aggregateId", aggregateId).with(Sort.by("sequence")), AuditEntry.class, audit());
    }

    @Override
    public void forEachEndorsementChange(String statementId, Instant asOf, Consumer<EndorsementChange> change) {
        Query query = endorsementChanges(statementId, asOf);
        query.fields()
                .include(
                        "type",
                        "organizationId",
                        "occurredAt",
                        "aggregateId",
                        "sequence",
                        "payload.organizationName",
                        "payload.source",
                        "payload.entryNumber",
                        "payload.contentHash",
                        "payload.readContentHash",
                        "payload.signerOpening",
                        "payload.assurance",
                        "payload.signature.keyId");
        try (Stream<Document> entries = mongo.stream(batched(query), Document.class, audit())) {
            entries.forEach(e -> change.accept(change(e)));
        }
    }

    /** One index lookup ({@code statement_as_of}). */
    @Override
    public Optional<Instant> lastEndorsementChangeAt(String statementId, Instant asOf) {
        Query query = endorsementChanges(statementId, asOf)
                .with(Sort.by(Sort.Direction.DESC, "occurredAt"))
                .limit(1);
        query.fields().include("occurredAt");
        Document last = mongo.findOne(query, Document.class, audit());
        return Optional.ofNullable(last).map(d -> instant(d.get("occurredAt")));
    }

    @Override
    public Stream<AuditEntry> all() {
        return mongo.stream(batched(new Query()), AuditEntry.class, audit());
    }

    @Override
    public Stream<AuditEntry> ofStatementsOrAggregates(
            Collection<String> statementIds, Collection<String> aggregateIds) {
        return mongo.stream(
                batched(Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("statementId").in(statementIds),
                                Criteria.where("aggregateId").in(aggregateIds)))),
                AuditEntry.class,
                audit());
    }

    private static Query endorsementChanges(String statementId, Instant asOf) {
        return Query.query(Criteria.where("statementId")
                .is(statementId)
                .and("type")
                .in(ADDED, WITHDRAWN, RECONFIRMED, INVALIDATED, REINSTATED)
                .and("occurredAt")
                .lte(asOf));
    }

    private static EndorsementChange change(Document entry) {
        Document payload = entry.get("payload", Document.class);
        Object number = payload == null ? null : payload.get("entryNumber");
        Document signature = payload == null ? null : payload.get("signature", Document.class);
        String type = entry.getString("type");
        String contentHash = payload == null ? null : payload.getString("contentHash");
        String read = payload == null ? null : payload.getString("readContentHash");
        return new EndorsementChange(
                entry.getString("aggregateId"),
                ((Number) entry.get("sequence")).longValue(),
                ADDED.equals(type) || RECONFIRMED.equals(type) || REINSTATED.equals(type),
                RECONFIRMED.equals(type),
                entry.getString("organizationId"),
                instant(entry.get("occurredAt")),
                payload == null ? null : payload.getString("organizationName"),
                payload == null ? null : payload.getString("source"),
                number == null ? null : ((Number) number).intValue(),
                contentHash,
                read != null ? read : contentHash,
                payload == null ? null : payload.getString("signerOpening"),
                payload == null ? null : payload.getString("assurance"),
                signature == null ? null : signature.getString("keyId"),
                REINSTATED.equals(type));
    }

    private static Instant instant(Object stored) {
        return stored instanceof java.util.Date d ? d.toInstant() : (Instant) stored;
    }

    private static Query byField(String field, String value) {
        return Query.query(Criteria.where(field).is(value));
    }
}
