package org.endorsements.query.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.endorsements.query.audit.persistence.AuditQueries;
import org.endorsements.query.endorsement.SignatoryHistory;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.organization.persistence.OrganizationQueries;
import org.endorsements.query.projection.Generation;
import org.endorsements.query.projection.LiveGeneration;
import org.endorsements.query.projection.LiveProjection;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The reconciliation against an embedded MongoDB-compatible server holding what the projection writes: audit
 * entries, statement views and endorsement views. The live projection is a stand-in that, once paused, has
 * finished the batch it was writing.
 */
class ReconcilerTest {

    private static final Generation VIEWS = new Generation(1);
    private static final LiveGeneration LIVE = () -> VIEWS;
    private static final String STATEMENT = "s";
    private static final String OTHER = "t";
    private static final Instant AT = Instant.parse("2026-11-29T06:00:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client =
            MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "reconciler-test");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private int pauses;

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void viewsThatSayWhatTheAuditTrailSaysHaveNoDrift() {
        signed("a", 1, 10);
        signed("b", 1, 11);
        withdrew("b", 2, 12);
        statementView(1, 2, 1);
        endorsementView("a", true, 1);
        endorsementView("b", false, 2);

        Reconciliation.Report report = reconciler(neverMoving()).run();

        assertThat(report.drift()).isEmpty();
        assertThat(report.statementsChecked()).isEqualTo(1);
        assertThat(report.endorsementsChecked()).isEqualTo(2);
        assertThat(pauses).isZero();
    }

    @Test
    void aCountThatDiffersFromTheAuditTrailIsReportedWithBothFigures() {
        signed("a", 1, 10);
        statementView(6, 1, 0);
        endorsementView("a", true, 1);

        Reconciliation.Report report = reconciler(neverMoving()).run();

        assertThat(report.drift())
                .containsExactly(new Reconciliation.Drift(STATEMENT, null, "endorsementCount", "6", "1"));
        assertThat(meters.get("endorsements.reconciliation.drift").gauge().value())
                .isEqualTo(1);
    }

    @Test
    void anEndorsementViewThatMissedAWithdrawalIsReportedForItsOrganization() {
        signed("a", 1, 10);
        withdrew("a", 2, 11);
        statementView(0, 1, 1);
        endorsementView("a", true, 1);

        Reconciliation.Report report = reconciler(neverMoving()).run();

        assertThat(report.drift())
                .containsExactly(new Reconciliation.Drift(STATEMENT, "a", "endorsed", "true", "false"));
    }

    @Test
    void theLastEventOfAnEndorsementCountsWhateverOrderTheAuditTrailIsReadIn() {
        withdrew("a", 2, 11);
        signed("a", 3, 12);
        signed("a", 1, 10);
        statementView(1, 2, 1);
        endorsementView("a", true, 3);

        assertThat(reconciler(neverMoving()).run().drift()).isEmpty();
    }

    @Test
    void aDifferenceThatIsGoneOnceTheProjectionPausedIsNotDrift() {
        signed("a", 1, 10);
        statementView(1, 1, 0);
        endorsementView("a", true, 1);
        // The projection is in the middle of a batch: the audit entry is written, the views are not yet.
        signed("b", 1, 11);
        LiveProjection finishesItsBatchWhenPaused = pausing(() -> {
            statementView(2, 2, 0);
            endorsementView("b", true, 1);
        });

        Reconciliation.Report report = reconciler(finishesItsBatchWhenPaused).run();

        assertThat(pauses).isEqualTo(1);
        assertThat(report.drift()).isEmpty();
        assertThat(report.endorsementsChecked())
                .as("counted by the first, whole pass")
                .isEqualTo(1);
        assertThat(meters.get("endorsements.reconciliation.drift").gauge().value())
                .isZero();
    }

    @Test
    void aDifferenceThatStaysWhileTheProjectionIsPausedIsDrift() {
        signed("a", 1, 10);
        statementView(2, 1, 0);
        endorsementView("a", true, 1);

        Reconciliation.Report report = reconciler(pausing(() -> {})).run();

        assertThat(pauses).isEqualTo(1);
        assertThat(report.drift()).extracting(Reconciliation.Drift::field).containsExactly("endorsementCount");
    }

    @Test
    void whenTheProjectionCannotBePausedTheDifferenceIsStillReported() {
        signed("a", 1, 10);
        statementView(2, 1, 0);
        endorsementView("a", true, 1);
        LiveProjection stuck = new LiveProjection() {
            @Override
            public <T> Optional<T> whilePaused(Duration timeout, Supplier<T> work) {
                pauses++;
                return Optional.empty();
            }
        };

        Reconciliation.Report report = reconciler(stuck).run();

        assertThat(pauses).isEqualTo(1);
        assertThat(report.drift()).hasSize(1);
        assertThat(meters.get("endorsements.reconciliation.drift").gauge().value())
                .isEqualTo(1);
    }

    @Test
    void thePartitionsOfInstancesThatDidNotComeToRestAreReportedUnconfirmedBesideTheDrift() {
        signed("a", 1, 10);
        statementView(2, 1, 0);
        endorsementView("a", true, 1);
        LiveProjection anotherInstanceStaysBusy = new LiveProjection() {
            @Override
            public <T> Optional<T> whilePaused(Duration timeout, Supplier<T> work) {
                throw new AssertionError("the re-check holds every instance, not this one only");
            }

            @Override
            public <T> Paused<T> whileEveryInstancePaused(Duration timeout, Supplier<T> work) {
                pauses++;
                return new Paused<>(Optional.ofNullable(work.get()), Set.of(4, 1));
            }
        };

        Reconciliation.Report report = reconciler(anotherInstanceStaysBusy).run();

        assertThat(pauses).isEqualTo(1);
        assertThat(report.drift()).extracting(Reconciliation.Drift::field).containsExactly("endorsementCount");
        assertThat(report.unconfirmedPartitions()).containsExactly(1, 4);
    }

    @Test
    void theReCheckLooksOnlyAtTheStatementsThatDiffered() {
        signed("a", 1, 10);
        statementView(2, 1, 0);
        endorsementView("a", true, 1);
        audit(OTHER, SignatoryHistory.ADDED, "b", 1, 20);
        mongo.save(
                new Document("_id", OTHER)
                        .append("status", "OPEN")
                        .append("currentCount", 1L)
                        .append("totalAdded", 1L)
                        .append("withdrawn", 0L),
                VIEWS.collection("statements"));
        mongo.save(
                new Document("_id", OTHER + ":b")
                        .append("statementId", OTHER)
                        .append("organizationId", "b")
                        .append("endorsed", true)
                        .append("sequence", 1L),
                VIEWS.collection("endorsements"));
        LiveProjection breaksTheOtherStatementWhenPaused = pausing(() -> mongo.save(
                new Document("_id", OTHER)
                        .append("status", "OPEN")
                        .append("currentCount", 9L)
                        .append("totalAdded", 1L)
                        .append("withdrawn", 0L),
                VIEWS.collection("statements")));

        Reconciliation.Report report =
                reconciler(breaksTheOtherStatementWhenPaused).run();

        assertThat(pauses).isEqualTo(1);
        assertThat(report.drift()).extracting(Reconciliation.Drift::statementId).containsOnly(STATEMENT);
        assertThat(report.statementsChecked()).isEqualTo(2);
    }

    @Test
    void anEndorsementViewThatNamesNoStatementIsRecountedFromItsOwnAuditEntries() {
        signed("a", 1, 10);
        statementView(1, 1, 0);
        mongo.save(
                new Document("_id", STATEMENT + ":a")
                        .append("organizationId", "a")
                        .append("endorsed", false)
                        .append("sequence", 1L),
                VIEWS.collection("endorsements"));

        Reconciliation.Report report = reconciler(neverMoving()).run();

        assertThat(pauses).isEqualTo(1);
        assertThat(report.drift()).containsExactly(new Reconciliation.Drift(null, "a", "endorsed", "false", "true"));
    }

    private Reconciler reconciler(LiveProjection live) {
        AuditQueries audit = new AuditQueries(mongo, LIVE);
        return new Reconciler(
                audit,
                new EndorsementQueries(mongo, LIVE, audit, new OrganizationQueries(mongo, LIVE)),
                new StatementQueries(mongo, LIVE),
                live,
                new ReconciliationProperties(Duration.ofSeconds(1)),
                Clock.fixed(AT, ZoneOffset.UTC),
                meters);
    }

    private LiveProjection neverMoving() {
        return pausing(() -> {});
    }

    /** A projection that, once paused, has written what it was writing ({@code finishing}). */
    private LiveProjection pausing(Runnable finishing) {
        return new LiveProjection() {
            @Override
            public <T> Optional<T> whilePaused(Duration timeout, Supplier<T> work) {
                pauses++;
                finishing.run();
                return Optional.ofNullable(work.get());
            }
        };
    }

    private void signed(String organization, long sequence, long offset) {
        audit(SignatoryHistory.ADDED, organization, sequence, offset);
    }

    private void withdrew(String organization, long sequence, long offset) {
        audit(SignatoryHistory.WITHDRAWN, organization, sequence, offset);
    }

    private void audit(String type, String organization, long sequence, long offset) {
        audit(STATEMENT, type, organization, sequence, offset);
    }

    private void audit(String statement, String type, String organization, long sequence, long offset) {
        mongo.insert(
                new Document("_id", "event-" + statement + "-" + organization + "-" + sequence)
                        .append("type", type)
                        .append("statementId", statement)
                        .append("organizationId", organization)
                        .append("aggregateType", "Endorsement")
                        .append("aggregateId", statement + ":" + organization)
                        .append("sequence", sequence)
                        .append("partition", 0)
                        .append("offset", offset),
                VIEWS.collection("audit"));
    }

    private void statementView(long current, long added, long withdrawn) {
        mongo.save(
                new Document("_id", STATEMENT)
                        .append("status", "OPEN")
                        .append("currentCount", current)
                        .append("totalAdded", added)
                        .append("withdrawn", withdrawn),
                VIEWS.collection("statements"));
    }

    private void endorsementView(String organization, boolean endorsed, long sequence) {
        mongo.save(
                new Document("_id", STATEMENT + ":" + organization)
                        .append("statementId", STATEMENT)
                        .append("organizationId", organization)
                        .append("endorsed", endorsed)
                        .append("sequence", sequence),
                VIEWS.collection("endorsements"));
    }
}
