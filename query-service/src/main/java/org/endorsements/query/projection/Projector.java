package org.endorsements.query.projection;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.OrganizationSuspended;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementPublished;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.growth.GrowthBucket;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.statement.StatementView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch of events to the views. Loads every document the batch touches by id, applies the events in
 * order in memory, then writes each touched document once.
 *
 * <p>Idempotency: an endorsement view applies an event only if its aggregate sequence number is new; statement
 * counts and growth change only for an event the endorsement view accepted, and only once per Kafka offset. So a
 * record delivered twice (consumer restart) or published twice (relay retry, at another offset) counts once.
 */
public class Projector {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final ViewStore store;
    private final Clock clock;

    public Projector(ViewStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ProjectionOutcome project(List<ProjectedEvent> batch) {
        Batch b = load(batch);
        int applied = 0;
        int duplicates = 0;
        int gaps = 0;
        Map<Integer, Long> nextOffsets = new LinkedHashMap<>();
        for (ProjectedEvent e : batch) {
            nextOffsets.merge(e.partition(), e.offset() + 1, Math::max);
            // The audit entry is immutable and keyed by event id: the store keeps an entry it already has, so a
            // re-delivered event is not looked up first. The other views guard themselves.
            if (!b.audit.containsKey(e.eventId())) {
                b.audit.put(e.eventId(), auditEntry(e));
            }
            Result result = apply(b, e);
            applied += result == Result.DUPLICATE ? 0 : 1;
            duplicates += result == Result.DUPLICATE ? 1 : 0;
            gaps += result == Result.GAP ? 1 : 0;
        }
        store.write(b.audit.values(), b.touchedStatements.values(), b.touchedGrowth.values(),
                b.touchedOrganizations.values(), b.touchedEndorsements.values(), nextOffsets);
        return new ProjectionOutcome(applied, duplicates, gaps, Set.copyOf(b.touchedStatements.keySet()));
    }

    private enum Result { APPLIED, DUPLICATE, GAP }

    private Result apply(Batch b, ProjectedEvent e) {
        EndorsementEvent event = e.event();
        if (event instanceof EndorsementAdded a) {
            return endorsementAdded(b, e, a);
        }
        if (event instanceof EndorsementWithdrawn w) {
            return endorsementWithdrawn(b, e, w);
        }
        if (event instanceof StatementPublished p) {
            StatementView s = b.statement(p.statementId().value());
            if (e.sequence() <= s.getSequence()) {
                return Result.DUPLICATE;
            }
            s.published(p.title(), p.body(), p.language(), p.contentHash(), p.signatoryListIntro(), p.closingNote(),
                    p.publishedAt(), e.sequence());
            return Result.APPLIED;
        }
        if (event instanceof StatementClosed c) {
            StatementView s = b.statement(c.statementId().value());
            if (e.sequence() <= s.getSequence()) {
                return Result.DUPLICATE;
            }
            s.closed(c.closedAt(), e.sequence());
            return Result.APPLIED;
        }
        if (event instanceof OrganizationRegistered r) {
            OrganizationView o = b.organization(r.organizationId().value());
            if (e.sequence() <= o.getSequence()) {
                return Result.DUPLICATE;
            }
            o.registered(r.name(), r.country(), r.region(), r.kind(), r.website(), r.registeredAt(), e.sequence());
            return Result.APPLIED;
        }
        if (event instanceof OrganizationSuspended s) {
            OrganizationView o = b.organization(s.organizationId().value());
            if (e.sequence() <= o.getSequence()) {
                return Result.DUPLICATE;
            }
            o.suspended(e.sequence());
            return Result.APPLIED;
        }
        throw new IllegalArgumentException("no projection for " + event.getClass().getName());
    }

    private Result endorsementAdded(Batch b, ProjectedEvent e, EndorsementAdded a) {
        return endorsementChanged(b, e, a.statementId().value(), a.organizationId().value(), a.endorsedAt(), true,
                (view, gap) -> view.added(a.organizationName(), a.endorsedAt(), a.source().wireName(),
                        a.entryNumber(), a.actor(), a.contentHash(), a.signerOpening(), e.sequence(), gap));
    }

    private Result endorsementWithdrawn(Batch b, ProjectedEvent e, EndorsementWithdrawn w) {
        return endorsementChanged(b, e, w.statementId().value(), w.organizationId().value(), w.withdrawnAt(), false,
                (view, gap) -> view.withdrawn(w.withdrawnAt(), w.reason(), w.actor(), e.sequence(), gap));
    }

    /**
     * An endorsement event counts only if its aggregate sequence is new to the endorsement view; then the
     * statement's counters and the hour's growth change once per Kafka offset (a crash between writes may have
     * applied them already), and the organization's view records the change.
     */
    private Result endorsementChanged(Batch b, ProjectedEvent e, String statementId, String organizationId,
            java.time.Instant at, boolean endorsed, java.util.function.BiConsumer<EndorsementView, Boolean> apply) {
        EndorsementView view = b.endorsement(e.aggregateId(), statementId, organizationId);
        EndorsementView.Arrival arrival = view.arrivalOf(e.sequence());
        if (arrival == EndorsementView.Arrival.DUPLICATE) {
            return Result.DUPLICATE;
        }
        boolean gap = arrival == EndorsementView.Arrival.AFTER_GAP;
        if (gap) {
            log.error("Sequence gap on {}: expected {}, got {} (event {})", e.aggregateId(), view.getSequence() + 1,
                    e.sequence(), e.eventId());
        }
        apply.accept(view, gap);
        StatementView statement = b.statement(statementId);
        if (e.offset() > statement.getAppliedOffset()) {
            if (endorsed) {
                statement.endorsementAdded(at, e.offset());
            } else {
                statement.endorsementWithdrawn(e.offset());
            }
        }
        GrowthBucket bucket = b.growth(statementId, at);
        if (e.offset() > bucket.getAppliedOffset()) {
            if (endorsed) {
                bucket.added(statement.getCurrentCount(), e.offset());
            } else {
                bucket.withdrawn(statement.getCurrentCount(), e.offset());
            }
        }
        b.organization(organizationId).signature(statementId, endorsed, at, e.sequence());
        return gap ? Result.GAP : Result.APPLIED;
    }

    private AuditEntry auditEntry(ProjectedEvent e) {
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
        }
        Document payload = Document.parse(new String(e.payload(), java.nio.charset.StandardCharsets.UTF_8));
        return new AuditEntry(e.eventId(), e.type(), statementId, organizationId, actor, e.time(), clock.instant(),
                e.aggregateType(), e.aggregateId(), e.sequence(), e.partition(), e.offset(), payload);
    }

    private Batch load(List<ProjectedEvent> batch) {
        Set<String> statements = new HashSet<>();
        Set<String> endorsements = new HashSet<>();
        Set<String> growth = new HashSet<>();
        Set<String> organizations = new HashSet<>();
        for (ProjectedEvent e : batch) {
            EndorsementEvent event = e.event();
            if (event instanceof StatementPublished || event instanceof StatementClosed) {
                statements.add(event.streamKey());
            } else if (event instanceof EndorsementAdded a) {
                statements.add(a.statementId().value());
                endorsements.add(e.aggregateId());
                organizations.add(a.organizationId().value());
                growth.add(GrowthBucket.idOf(a.statementId().value(), a.endorsedAt()));
            } else if (event instanceof EndorsementWithdrawn w) {
                statements.add(w.statementId().value());
                endorsements.add(e.aggregateId());
                organizations.add(w.organizationId().value());
                growth.add(GrowthBucket.idOf(w.statementId().value(), w.withdrawnAt()));
            } else {
                organizations.add(event.streamKey());
            }
        }
        return new Batch(store.statements(statements), store.endorsements(endorsements), store.growth(growth),
                store.organizations(organizations));
    }

    /** The documents of one batch: as loaded, and those the batch changed (written back at the end). */
    private static final class Batch {
        final Map<String, StatementView> statements;
        final Map<String, EndorsementView> endorsements;
        final Map<String, GrowthBucket> growthBuckets;
        final Map<String, OrganizationView> organizations;
        final Map<String, AuditEntry> audit = new LinkedHashMap<>();
        final Map<String, StatementView> touchedStatements = new LinkedHashMap<>();
        final Map<String, EndorsementView> touchedEndorsements = new LinkedHashMap<>();
        final Map<String, GrowthBucket> touchedGrowth = new LinkedHashMap<>();
        final Map<String, OrganizationView> touchedOrganizations = new LinkedHashMap<>();

        Batch(Map<String, StatementView> statements, Map<String, EndorsementView> endorsements,
                Map<String, GrowthBucket> growthBuckets, Map<String, OrganizationView> organizations) {
            this.statements = new LinkedHashMap<>(statements);
            this.endorsements = new LinkedHashMap<>(endorsements);
            this.growthBuckets = new LinkedHashMap<>(growthBuckets);
            this.organizations = new LinkedHashMap<>(organizations);
        }

        StatementView statement(String id) {
            StatementView view = statements.computeIfAbsent(id, StatementView::placeholder);
            touchedStatements.put(id, view);
            return view;
        }

        EndorsementView endorsement(String id, String statementId, String organizationId) {
            EndorsementView view = endorsements.computeIfAbsent(id,
                    k -> EndorsementView.empty(k, statementId, organizationId));
            touchedEndorsements.put(id, view);
            return view;
        }

        GrowthBucket growth(String statementId, java.time.Instant at) {
            String id = GrowthBucket.idOf(statementId, at);
            GrowthBucket bucket = growthBuckets.computeIfAbsent(id, k -> GrowthBucket.empty(statementId, at));
            touchedGrowth.put(id, bucket);
            return bucket;
        }

        OrganizationView organization(String id) {
            OrganizationView view = organizations.computeIfAbsent(id, OrganizationView::placeholder);
            touchedOrganizations.put(id, view);
            return view;
        }
    }
}
