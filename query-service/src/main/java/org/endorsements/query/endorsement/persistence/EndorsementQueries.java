package org.endorsements.query.endorsement.persistence;

import static org.endorsements.query.shared.persistence.Cursors.batched;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.endorsements.query.audit.AuditTrail;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.Endorsements;
import org.endorsements.query.endorsement.SignatoryAt;
import org.endorsements.query.endorsement.SignatoryHistory;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.shared.cache.ResultCache;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
public class EndorsementQueries implements Endorsements {

    private final MongoTemplate mongo;
    private final LiveGeneration live;
    private final AuditTrail audit;

    public EndorsementQueries(MongoTemplate mongo, LiveGeneration live, AuditTrail audit) {
        this.mongo = mongo;
        this.live = live;
        this.audit = audit;
    }

    private String endorsements() {
        return live.current().collection(EndorsementProjection.ENDORSEMENTS);
    }

    @Override
    public Stream<EndorsementView> views() {
        return mongo.stream(batched(new Query()), EndorsementView.class, endorsements());
    }

    @Override
    public Stream<EndorsementView> views(Collection<String> statementIds, Collection<String> endorsementIds) {
        return mongo.stream(
                batched(Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("statementId").in(statementIds),
                                Criteria.where("_id").in(endorsementIds)))),
                EndorsementView.class,
                endorsements());
    }

    /**
     * Current signatories in document order: letter entries by number, then later signatures by time. {@code search}
     * (optional) keeps names containing it, ignoring case; it is matched literally, never as a pattern.
     */
    public List<EndorsementView> currentSignatories(String statementId, String search, int page, int size) {
        Query query = currentQuery(statementId, search)
                .with(Sort.by("sortKey"))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, EndorsementView.class, endorsements());
    }

    public long countCurrent(String statementId, String search) {
        return mongo.count(currentQuery(statementId, search), endorsements());
    }

    private static Query currentQuery(String statementId, String search) {
        Query query = currentQuery(statementId);
        if (search != null && !search.isBlank()) {
            query.addCriteria(
                    Criteria.where("organizationName").regex(java.util.regex.Pattern.quote(search.strip()), "i"));
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
        SignatoryHistory.InForce<SignatoryAt> fold = new SignatoryHistory.InForce<>();
        audit.forEachEndorsementChange(
                statementId,
                asOf,
                e -> fold.accept(e.endorsementId(), e.sequence(), e.added(), e.added() ? signatoryAt(e) : null));
        List<SignatoryAt> inForce = fold.values();
        int withheld = 0;
        if (!auditor) {
            // An organization that withdrew, perhaps under threat, is not named to the public again.
            Set<String> current = currentOrganizationIds(statementId);
            List<SignatoryAt> visible = inForce.stream()
                    .filter(e -> current.contains(e.organizationId()))
                    .toList();
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
        return audit.lastEndorsementChangeAt(statementId, asOf);
    }

    private static SignatoryAt signatoryAt(AuditTrail.EndorsementChange e) {
        return new SignatoryAt(
                e.organizationId(),
                e.organizationName(),
                e.occurredAt(),
                e.source(),
                e.entryNumber(),
                e.contentHash(),
                e.signerOpening());
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
        try (Stream<EndorsementView> current = mongo.stream(batched(query), EndorsementView.class, endorsements())) {
            return current.map(EndorsementView::getOrganizationId).collect(Collectors.toSet());
        }
    }

    /**
     * All current signatories in document order (for exports, documents and breakdowns), handed to {@code page}
     * {@code pageSize} at a time as a cursor reads them: never the whole statement in memory at once.
     */
    public void forEachCurrentSignatory(String statementId, int pageSize, Consumer<List<EndorsementView>> page) {
        try (Stream<EndorsementView> current = mongo.stream(
                batched(currentQuery(statementId).with(Sort.by("sortKey"))), EndorsementView.class, endorsements())) {
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
        return Query.query(
                Criteria.where("statementId").is(statementId).and("endorsed").is(true));
    }
}
