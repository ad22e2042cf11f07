package org.endorsements.query.statement.persistence;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementVisibilityChanged;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.OrganizationHidden;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.events.OrganizationProfileUpdated;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.OrganizationSuspended;
import org.endorsements.events.StatementAmended;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementGoalReached;
import org.endorsements.events.StatementPublished;
import org.endorsements.events.StatementTargetsSet;
import org.endorsements.events.StatementTranslationAdded;
import org.endorsements.query.projection.BatchProjection;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.shared.persistence.BulkWrites;
import org.endorsements.query.shared.persistence.EmbeddedServer;
import org.endorsements.query.statement.StatementView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * A statement's view with its running counts. Its own events apply once per sequence; the counters change once
 * per Kafka offset of an endorsement event (all of a statement's events are on one partition), which guards a
 * re-delivery after a crash. An endorsement that arrives before its statement's publication counts in a
 * placeholder view.
 */
@Component
public class StatementProjection implements BatchProjection {

    static final String STATEMENTS = "statements";

    private final MongoTemplate mongo;

    public StatementProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Last: the statement's position keys cached reads of every other view of the batch. */
    @Override
    public int writeOrder() {
        return POSITION_KEYS;
    }

    @Override
    public String name() {
        return "statements";
    }

    @Override
    public List<String> collections() {
        return List.of(STATEMENTS);
    }

    @Override
    public void declareIndexes(Generation g) {
        mongo.indexOps(g.collection(STATEMENTS))
                .ensureIndex(new Index().on("publishedAt", Sort.Direction.DESC).named("newest_first"));
    }

    @Override
    public void project(List<ProjectedEvent> batch, Generation g) {
        Set<String> ids = new HashSet<>();
        for (ProjectedEvent e : batch) {
            if (!(e.event() instanceof OrganizationRegistered
                    || e.event() instanceof OrganizationSuspended
                    || e.event() instanceof OrganizationHidden
                    || e.event() instanceof OrganizationPersonalDataErased
                    || e.event() instanceof OrganizationProfileUpdated)) {
                ids.add(e.event().streamKey());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<String, StatementView> loaded = new LinkedHashMap<>();
        EmbeddedServer.findByIds(mongo, ids, StatementView.class, g.collection(STATEMENTS))
                .forEach(v -> loaded.put(v.getId(), v));
        Map<String, StatementView> touched = new LinkedHashMap<>();
        for (ProjectedEvent e : batch) {
            if (e.event() instanceof StatementPublished p) {
                StatementView s = view(loaded, touched, p.statementId().value());
                if (e.sequence() > s.getSequence()) {
                    s.published(
                            p.title(),
                            p.body(),
                            p.language(),
                            p.contentHash(),
                            p.signatoryListIntro(),
                            p.closingNote(),
                            p.publishedAt(),
                            e.sequence());
                    s.translatedFrom(p.translator(), p.originalLanguage());
                }
            } else if (e.event() instanceof StatementTranslationAdded t) {
                StatementView s = view(loaded, touched, t.statementId().value());
                if (e.sequence() > s.getSequence()) {
                    s.textAdded(
                            new StatementView.Text(
                                    t.contentHash(),
                                    t.versionContentHash(),
                                    t.language(),
                                    t.title(),
                                    t.body(),
                                    t.translator(),
                                    t.original(),
                                    t.addedAt()),
                            e.sequence());
                }
            } else if (e.event() instanceof StatementAmended a) {
                StatementView s = view(loaded, touched, a.statementId().value());
                if (e.sequence() > s.getSequence()) {
                    s.amended(
                            a.version(),
                            a.title(),
                            a.body(),
                            a.language(),
                            a.contentHash(),
                            // The instant it was recorded, the clock asOf lists read the audit trail by: the version
                            // in force at an instant and the signatories in force then must agree.
                            e.time(),
                            e.sequence());
                }
            } else if (e.event() instanceof EndorsementReconfirmed r) {
                StatementView s = view(loaded, touched, r.statementId().value());
                if (e.offset() > s.getAppliedOffset()) {
                    s.endorsementReconfirmed(e.offset());
                }
            } else if (e.event() instanceof StatementClosed c) {
                StatementView s = view(loaded, touched, c.statementId().value());
                if (e.sequence() > s.getSequence()) {
                    s.closed(c.closedAt(), c.closedBy(), e.sequence());
                }
            } else if (e.event() instanceof StatementTargetsSet t) {
                StatementView s = view(loaded, touched, t.statementId().value());
                if (e.sequence() > s.getSequence()) {
                    s.targetsSet(t.signatureGoal(), t.closesAt(), e.sequence());
                }
            } else if (e.event() instanceof StatementGoalReached r) {
                StatementView s = view(loaded, touched, r.statementId().value());
                if (e.sequence() > s.getSequence()) {
                    s.goalReached(r.reachedAt(), e.sequence());
                }
            } else if (e.event() instanceof EndorsementInvalidated i) {
                StatementView s = view(loaded, touched, i.statementId().value());
                if (e.offset() > s.getAppliedOffset()) {
                    s.endorsementInvalidated(e.offset());
                }
            } else if (e.event() instanceof EndorsementReinstated r) {
                StatementView s = view(loaded, touched, r.statementId().value());
                if (e.offset() > s.getAppliedOffset()) {
                    s.endorsementReinstated(e.offset());
                }
            } else if (e.event() instanceof EndorsementAdded a) {
                StatementView s = view(loaded, touched, a.statementId().value());
                if (e.offset() > s.getAppliedOffset()) {
                    s.endorsementAdded(a.endorsedAt(), e.offset());
                }
            } else if (e.event() instanceof EndorsementWithdrawn w) {
                StatementView s = view(loaded, touched, w.statementId().value());
                if (e.offset() > s.getAppliedOffset()) {
                    s.endorsementWithdrawn(e.offset());
                }
            } else if (e.event() instanceof EndorsementVisibilityChanged v) {
                // No count changes, but the position does: results cached by it (who is named) are recomputed.
                StatementView s = view(loaded, touched, v.statementId().value());
                if (e.offset() > s.getAppliedOffset()) {
                    s.endorsementVisibilityChanged(e.offset());
                }
            }
        }
        // A statement exists after its first event: replaced.
        BulkWrites.replaceById(mongo, g.collection(STATEMENTS), BulkWrites.documents(mongo, touched.values()));
    }

    private static StatementView view(
            Map<String, StatementView> loaded, Map<String, StatementView> touched, String id) {
        StatementView view = loaded.computeIfAbsent(id, StatementView::placeholder);
        touched.put(id, view);
        return view;
    }
}
