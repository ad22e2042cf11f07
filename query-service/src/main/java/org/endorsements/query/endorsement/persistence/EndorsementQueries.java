package org.endorsements.query.endorsement.persistence;

import static org.endorsements.query.shared.persistence.Cursors.batched;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.SignatoryAt;
import org.endorsements.query.endorsement.SignatoryHistory;
import org.endorsements.query.projection.persistence.ActiveViews;
import org.endorsements.query.shared.cache.ResultCache;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
public class EndorsementQueries {

    private final MongoTemplate mongo;
    private final ActiveViews views;

    EndorsementQueries(MongoTemplate mongo, ActiveViews views) {
        this.mongo = mongo;
        this.views = views;
    }

    /**
     * Current signatories in document order: letter entries by number, then later signatures by time. {@code search}
     * (optional) keeps names containing it, ignoring case; it is matched literally, never as a pattern.
     */
    public List<EndorsementView> currentSignatories(String statementId, String search, int page, int size) {
        Query query = currentQuery(statementId, search).with(Sort.by("sortKey")).skip((long) page * size)
                .limit(size);
        return mongo.find(query, EndorsementView.class, views.collections().endorsements());
    }

    public long countCurrent(String statementId, String search) {
        return mongo.count(currentQuery(statementId, search), views.collections().endorsements());
    }

    private static Query currentQuery(String statementId, String search) {
        Query query = currentQuery(statementId);
        if (search != null && !search.isBlank()) {
            query.addCriteria(Criteria.where("organizationName")
                    .regex(java.util.regex.Pattern.quote(search.strip()), "i"));
        }
        return query;
    }

    /**
     * The signatories in force at {@code asOf}, in document order (letter entries by number, then by time). For
     * the public ({@code auditor == false}) organizations that have withdrawn since are left out and counted.
     * <p>
     * The audit trail is read from a cursor in batches and folded as it comes (only each endorsement's last event
     * up to {@code asOf} is kept, and only the fields a read shows), so memory grows with the statement's
     * signatories rather than with its history.
     */
    public SignatoriesAt signatoriesAt(String statementId, Instant asOf, boolean auditor) {
        Query query = Query.query(Criteria.where("statementId").is(statementId)
                .and("type").in(SignatoryHistory.ADDED, SignatoryHistory.WITHDRAWN)
                .and("occurredAt").lte(asOf));
        query.fields().include("type", "organizationId", "occurredAt", "aggregateId", "sequence",
                "payload.organizationName", "payload.source", "payload.entryNumber", "payload.contentHash",
                "payload.signerOpening");
        SignatoryHistory.InForce<SignatoryAt> fold = new SignatoryHistory.InForce<>();
        try (Stream<Document> audit = mongo.stream(batched(query), Document.class, views.collections().audit())) {
            audit.forEach(e -> {
                boolean added = SignatoryHistory.ADDED.equals(e.getString("type"));
                fold.accept(e.getString("aggregateId"), ((Number) e.get("sequence")).longValue(), added,
                        added ? signatoryAt(e) : null);
            });
        }
        List<SignatoryAt> inForce = fold.values();
        int withheld = 0;
        if (!auditor) {
            // An organization that withdrew, perhaps under threat, is not named to the public again.
            Set<String> current = currentOrganizationIds(statementId);
            List<SignatoryAt> visible = inForce.stream().filter(e -> current.contains(e.organizationId())).toList();
            withheld = inForce.size() - visible.size();
            inForce = visible;
        }
        List<SignatoryAt> ordered = inForce.stream()
                .sorted(Comparator.comparing((SignatoryAt e) -> e.entryNumber() == null)
                        .thenComparing(e -> e.entryNumber() == null ? 0 : e.entryNumber())
                        .thenComparing(SignatoryAt::endorsedAt)
                        .thenComparing(SignatoryAt::organizationId))
                .toList();
        return new SignatoriesAt(ordered, withheld);
    }

    /**
     * When the statement's last signature or withdrawal at or before {@code asOf} happened, empty when none did:
     * {@link #signatoriesAt} gives the same answer for every instant from there up to the next one, so this (not
     * the instant asked about) is what a cached answer is keyed by. One index lookup ({@code statement_as_of}).
     */
    public Optional<Instant> lastChangeAt(String statementId, Instant asOf) {
        Query query = Query.query(Criteria.where("statementId").is(statementId)
                .and("type").in(SignatoryHistory.ADDED, SignatoryHistory.WITHDRAWN)
                .and("occurredAt").lte(asOf)).with(Sort.by(Sort.Direction.DESC, "occurredAt")).limit(1);
        query.fields().include("occurredAt");
        Document last = mongo.findOne(query, Document.class, views.collections().audit());
        if (last == null) {
            return Optional.empty();
        }
        Object occurred = last.get("occurredAt");
        return Optional.of(occurred instanceof java.util.Date d ? d.toInstant() : (Instant) occurred);
    }

    private static SignatoryAt signatoryAt(Document entry) {
        Document payload = entry.get("payload", Document.class);
        Object number = payload == null ? null : payload.get("entryNumber");
        Object occurred = entry.get("occurredAt");
        Instant at = occurred instanceof java.util.Date d ? d.toInstant() : (Instant) occurred;
        return new SignatoryAt(entry.getString("organizationId"),
                payload == null ? null : payload.getString("organizationName"), at,
                payload == null ? null : payload.getString("source"),
                number == null ? null : ((Number) number).intValue(),
                payload == null ? null : payload.getString("contentHash"),
                payload == null ? null : payload.getString("signerOpening"));
    }

    /** Endorsements in force at an instant and how many were withheld; cacheable by its estimated size. */
    public record SignatoriesAt(List<SignatoryAt> entries, int withheld) implements ResultCache.Sized {

        @Override
        public long estimatedBytes() {
            return 64 + entries.stream().mapToLong(SignatoryAt::estimatedBytes).sum();
        }
    }

    /** Ids of the organizations that endorse the statement now. */
    public Set<String> currentOrganizationIds(String statementId) {
        Query query = currentQuery(statementId);
        query.fields().include("organizationId");
        try (Stream<EndorsementView> current = mongo.stream(batched(query), EndorsementView.class,
                views.collections().endorsements())) {
            return current.map(EndorsementView::getOrganizationId).collect(Collectors.toSet());
        }
    }

    /**
     * All current signatories in document order (for exports, documents and breakdowns), handed to {@code page}
     * {@code pageSize} at a time as a cursor reads them: never the whole statement in memory at once.
     */
    public void forEachCurrentSignatory(String statementId, int pageSize, Consumer<List<EndorsementView>> page) {
        try (Stream<EndorsementView> current = mongo.stream(batched(currentQuery(statementId)
                .with(Sort.by("sortKey"))), EndorsementView.class, views.collections().endorsements())) {
            List<EndorsementView> chunk = new ArrayList<>(pageSize);
            current.forEach(view -> {
                chunk.add(view);
                if (chunk.size() == pageSize) {
                    page.accept(List.copyOf(chunk));
                    chunk.clear();
                }
            });
            if (!chunk.isEmpty()) {
                page.accept(List.copyOf(chunk));
            }
        }
    }

    private static Query currentQuery(String statementId) {
        return Query.query(Criteria.where("statementId").is(statementId).and("endorsed").is(true));
    }
}
