package org.endorsements.query.endorsement.persistence;

import static org.endorsements.query.shared.persistence.Cursors.batched;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.query.audit.AuditTrail;
import org.endorsements.query.endorsement.Audience;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.Endorsements;
import org.endorsements.query.endorsement.SignatoryAt;
import org.endorsements.query.endorsement.SignatoryHistory;
import org.endorsements.query.organization.Organizations;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.shared.cache.ResultCache;
import org.endorsements.query.statement.HiddenSignatories;
import org.endorsements.query.statement.VersionCounts;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads of the endorsements' views. Whom a read names is decided here, at read time, for every list: an
 * endorsement's own visibility is in its view, a hidden organization in the organizations' view (its events are on
 * another partition, so no endorsement view can be relied on to know of it yet).
 */
@Component
public class EndorsementQueries implements Endorsements, HiddenSignatories, VersionCounts {

    private static final String COUNTED = EndorsementVisibility.COUNTED.wireName();

    private final MongoTemplate mongo;
    private final LiveGeneration live;
    private final AuditTrail audit;
    private final Organizations organizations;

    public EndorsementQueries(MongoTemplate mongo, LiveGeneration live, AuditTrail audit, Organizations organizations) {
        this.mongo = mongo;
        this.live = live;
        this.audit = audit;
        this.organizations = organizations;
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
    public List<EndorsementView> currentSignatories(
            String statementId, String search, int page, int size, Audience audience) {
        Query query = namedTo(currentQuery(statementId, search), audience)
                .with(Sort.by("sortKey"))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, EndorsementView.class, endorsements());
    }

    /** The current signatories {@code audience} sees named (whose names contain {@code search}, if given). */
    public long countCurrent(String statementId, String search, Audience audience) {
        return mongo.count(namedTo(currentQuery(statementId, search), audience), endorsements());
    }

    /** The current signatories {@code audience} does not see named: counted, but not listed for it. */
    public long countCountedButHidden(String statementId, Audience audience) {
        if (audience.auditor()) {
            return 0;
        }
        Query query = currentQuery(statementId).addCriteria(new Criteria().norOperator(named(audience)));
        return mongo.count(query, endorsements());
    }

    @Override
    public long countedButHidden(String statementId) {
        return countCountedButHidden(statementId, Audience.PUBLIC);
    }

    @Override
    public long currentSignatoriesOf(String statementId, String versionContentHash) {
        return mongo.count(
                currentQuery(statementId)
                        .addCriteria(Criteria.where("contentHash").is(versionContentHash)),
                EndorsementView.class,
                endorsements());
    }

    @Override
    public long hiddenOrganizations() {
        return organizations.hiddenIds().size();
    }

    /** Keeps what {@code audience} may see named; an auditor sees everything. */
    private Query namedTo(Query query, Audience audience) {
        return audience.auditor() ? query : query.addCriteria(named(audience));
    }

    /**
     * Public by its own visibility (views written before it existed have none: public) and not of a hidden
     * organization; or the audience's own.
     */
    private Criteria named(Audience audience) {
        Criteria isPublic = new Criteria()
                .andOperator(
                        Criteria.where("visibility").ne(COUNTED),
                        Criteria.where("organizationId").nin(organizations.hiddenIds()));
        if (audience.organizationId() == null) {
            return isPublic;
        }
        return new Criteria()
                .orOperator(isPublic, Criteria.where("organizationId").is(audience.organizationId()));
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
     * the public ({@code auditor == false}) organizations that have withdrawn since are left out and counted
     * ({@code withheld}), and so are those not named to the public now ({@code countedButHidden}): whom a past
     * list names is decided by the visibility of today, so that hiding hides the past too.
     * <p>
     * The audit trail is read from a cursor in batches and folded as it comes (only each endorsement's last event
     * up to {@code asOf} is kept, and only the fields a read shows), so memory grows with the statement's
     * signatories rather than with its history.
     */
    public SignatoriesAt signatoriesAt(String statementId, Instant asOf, boolean auditor) {
        SignatoryHistory.InForce<Pending> fold = new SignatoryHistory.InForce<>();
        Map<String, AuditTrail.EndorsementChange> reconfirmations = new HashMap<>();
        Map<String, AuditTrail.EndorsementChange> reinstatements = new HashMap<>();
        audit.forEachEndorsementChange(statementId, asOf, e -> {
            if (e.reconfirmation()) {
                reconfirmations.merge(e.endorsementId(), e, (a, b) -> a.sequence() >= b.sequence() ? a : b);
            } else {
                if (e.reinstated() && e.assurance() != null) {
                    reinstatements.merge(e.endorsementId(), e, (a, b) -> a.sequence() >= b.sequence() ? a : b);
                }
                fold.accept(
                        e.endorsementId(),
                        e.sequence(),
                        e.added(),
                        e.added() && !e.reinstated()
                                ? new Pending(e.endorsementId(), e.sequence(), signatoryAt(e))
                                : null);
            }
        });
        // A re-confirmation moves the endorsement it follows to a newer version; one that followed an earlier
        // endorsement (withdrawn since, then endorsed again) is not this endorsement's.
        List<SignatoryAt> inForce = fold.values().stream()
                .map(p -> {
                    AuditTrail.EndorsementChange r = reconfirmations.get(p.endorsementId());
                    boolean reconfirmed = r != null && r.sequence() > p.sequence();
                    SignatoryAt signatory = reconfirmed
                            ? p.signatory()
                                    .reconfirmed(
                                            r.contentHash(),
                                            r.readContentHash(),
                                            AssuranceLevel.recorded(
                                                            r.assurance(),
                                                            p.signatory().source())
                                                    .wireName(),
                                            r.signingKeyId())
                            : p.signatory();
                    // A reinstatement after the latest of both vouches for the endorsement at its own level.
                    AuditTrail.EndorsementChange back = reinstatements.get(p.endorsementId());
                    long since = reconfirmed ? r.sequence() : p.sequence();
                    return back != null && back.sequence() > since ? signatory.reinstated(back.assurance()) : signatory;
                })
                .toList();
        int withheld = 0;
        int hidden = 0;
        if (!auditor) {
            // An organization that withdrew, perhaps under threat, is not named to the public again.
            Set<String> current = currentOrganizationIds(statementId, Audience.AUDITOR);
            Set<String> named = currentOrganizationIds(statementId, Audience.PUBLIC);
            List<SignatoryAt> stillIn = inForce.stream()
                    .filter(e -> current.contains(e.organizationId()))
                    .toList();
            List<SignatoryAt> visible = stillIn.stream()
                    .filter(e -> named.contains(e.organizationId()))
                    .toList();
            withheld = inForce.size() - stillIn.size();
            hidden = stillIn.size() - visible.size();
            inForce = visible;
        }
        List<SignatoryAt> ordered = inForce.stream()
                .sorted(Comparator.comparing((SignatoryAt e) -> e.entryNumber() == null)
                        .thenComparing(e -> e.entryNumber() == null ? 0 : e.entryNumber())
                        .thenComparing(SignatoryAt::endorsedAt)
                        .thenComparing(SignatoryAt::organizationId))
                .toList();
        return new SignatoriesAt(ordered, withheld, hidden);
    }

    /**
     * When the statement's last signature or withdrawal at or before {@code asOf} happened, empty when none did:
     * {@link #signatoriesAt} gives the same answer for every instant from there up to the next one, so this (not
     * the instant asked about) is what a cached answer is keyed by. One index lookup ({@code statement_as_of}).
     */
    public Optional<Instant> lastChangeAt(String statementId, Instant asOf) {
        return audit.lastEndorsementChangeAt(statementId, asOf);
    }

    /** An endorsement in force, with the sequence of the event that put it in force. */
    private record Pending(String endorsementId, long sequence, SignatoryAt signatory) {}

    private static SignatoryAt signatoryAt(AuditTrail.EndorsementChange e) {
        return new SignatoryAt(
                e.organizationId(),
                e.organizationName(),
                e.occurredAt(),
                e.source(),
                e.entryNumber(),
                e.contentHash(),
                e.signerOpening(),
                e.readContentHash(),
                AssuranceLevel.recorded(e.assurance(), e.source()).wireName(),
                e.signingKeyId());
    }

    /**
     * Endorsements in force at an instant, how many were withheld (withdrawn since) and how many are counted but
     * not named; cacheable by its estimated size.
     */
    public record SignatoriesAt(List<SignatoryAt> entries, int withheld, int countedButHidden)
            implements ResultCache.Sized {

        public SignatoriesAt(List<SignatoryAt> entries, int withheld) {
            this(entries, withheld, 0);
        }

        @Override
        public long estimatedBytes() {
            return 64 + entries.stream().mapToLong(SignatoryAt::estimatedBytes).sum();
        }
    }

    /** Ids of the organizations that endorse the statement now, of those {@code audience} sees named. */
    public Set<String> currentOrganizationIds(String statementId, Audience audience) {
        Query query = namedTo(currentQuery(statementId), audience);
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
        forEachCurrentSignatory(statementId, Audience.AUDITOR, pageSize, page);
    }

    /** {@link #forEachCurrentSignatory(String, int, Consumer)}, of the signatories {@code audience} sees named. */
    public void forEachCurrentSignatory(
            String statementId, Audience audience, int pageSize, Consumer<List<EndorsementView>> page) {
        try (Stream<EndorsementView> current = mongo.stream(
                batched(namedTo(currentQuery(statementId), audience).with(Sort.by("sortKey"))),
                EndorsementView.class,
                endorsements())) {
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
