package org.endorsements.query.endorsement.persistence;

import static org.endorsements.query.shared.persistence.Cursors.batched;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.SignatoryHistory;
import org.endorsements.query.projection.persistence.ActiveViews;
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

    /** Every endorsement event of the statement recorded at or before {@code asOf}, from the audit trail. */
    public List<AuditEntry> endorsementHistory(String statementId, Instant asOf) {
        Query query = Query.query(Criteria.where("statementId").is(statementId)
                .and("type").in(SignatoryHistory.ADDED, SignatoryHistory.WITHDRAWN)
                .and("occurredAt").lte(asOf));
        return mongo.find(batched(query), AuditEntry.class, views.collections().audit());
    }

    /**
     * The signatories in force at {@code asOf}, in document order (letter entries by number, then by time). For
     * the public ({@code auditor == false}) organizations that have withdrawn since are left out and counted.
     */
    public SignatoriesAt signatoriesAt(String statementId, Instant asOf, boolean auditor) {
        List<AuditEntry> inForce = SignatoryHistory.inForceAt(endorsementHistory(statementId, asOf), asOf);
        int withheld = 0;
        if (!auditor) {
            // An organization that withdrew, perhaps under threat, is not named to the public again.
            Set<String> current = currentOrganizationIds(statementId);
            List<AuditEntry> visible = inForce.stream().filter(e -> current.contains(e.organizationId())).toList();
            withheld = inForce.size() - visible.size();
            inForce = visible;
        }
        List<AuditEntry> ordered = inForce.stream()
                .sorted(Comparator.comparing((AuditEntry e) -> entryNumber(e) == null)
                        .thenComparing(e -> entryNumber(e) == null ? 0 : entryNumber(e))
                        .thenComparing(AuditEntry::occurredAt)
                        .thenComparing(AuditEntry::organizationId))
                .toList();
        return new SignatoriesAt(ordered, withheld);
    }

    /** Endorsements in force at an instant, as their audit entries, and how many were withheld. */
    public record SignatoriesAt(List<AuditEntry> entries, int withheld) {
    }

    private static Integer entryNumber(AuditEntry entry) {
        Object number = entry.payload().get("entryNumber");
        return number == null ? null : ((Number) number).intValue();
    }

    /** Ids of the organizations that endorse the statement now. */
    public Set<String> currentOrganizationIds(String statementId) {
        Query query = currentQuery(statementId);
        query.fields().include("organizationId");
        return mongo.find(batched(query), EndorsementView.class, views.collections().endorsements()).stream()
                .map(EndorsementView::getOrganizationId).collect(Collectors.toSet());
    }

    /** All current signatories in document order (for exports and documents). */
    public List<EndorsementView> allCurrentSignatories(String statementId) {
        return mongo.find(batched(currentQuery(statementId).with(Sort.by("sortKey"))), EndorsementView.class,
                views.collections().endorsements());
    }

    private static Query currentQuery(String statementId) {
        return Query.query(Criteria.where("statementId").is(statementId).and("endorsed").is(true));
    }
}
