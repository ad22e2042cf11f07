package org.endorsements.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.endorsements.query.audit.persistence.AuditProjection;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.persistence.EndorsementProjection;
import org.endorsements.query.growth.GrowthBucket;
import org.endorsements.query.growth.persistence.GrowthProjection;
import org.endorsements.query.log.persistence.LogProjection;
import org.endorsements.query.organization.persistence.OrganizationProjection;
import org.endorsements.query.projection.BatchProjection;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.projection.ProjectionOutcome;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.persistence.StatementProjection;
import org.endorsements.query.support.Events;
import org.endorsements.query.support.ProjectionFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every feature's projection behind the engine, as the service runs them (on the embedded server, in process): a
 * record delivered twice or published twice counts once in every view, and a crash between two projections'
 * writes is repaired by re-delivery.
 */
class ProjectionsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:15:00Z");
    private static final Instant T1 = Instant.parse("2026-11-01T10:05:00Z");
    private static final Instant T2 = Instant.parse("2026-11-01T10:45:00Z");
    private static final Instant T3 = Instant.parse("2026-11-01T12:00:00Z");
    private static final String STATEMENT = Events.STATEMENT;

    private ProjectionFixture store;
    private Events events;

    @BeforeEach
    void setUp() {
        store = new ProjectionFixture(Clock.fixed(T3, ZoneOffset.UTC));
        events = new Events();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ProjectionOutcome project(ProjectedEvent... batch) {
        return store.project(List.of(batch));
    }

    @Test
    void theStatementsViewWhosePositionKeysCachedReadsIsWrittenAfterEveryOtherViewOfABatch() {
        MongoTemplate unused = null;
        List<BatchProjection> others = List.of(
                new AuditProjection(unused, Clock.systemUTC()),
                new EndorsementProjection(unused, new SimpleMeterRegistry(), null),
                new GrowthProjection(unused),
                new LogProjection(unused),
                new OrganizationProjection(unused));
        int statements = new StatementProjection(unused).writeOrder();

        assertThat(others).allSatisfy(p -> assertThat(p.writeOrder()).isLessThan(statements));
    }

    @Test
    void aPublishedStatementBecomesAnOpenStatementWithoutEndorsements() {
        project(events.published(T0));

        StatementView statement = store.statement(STATEMENT);
        assertThat(statement.getTitle()).isEqualTo("Title");
        assertThat(statement.getStatus()).isEqualTo(StatementView.OPEN);
        assertThat(statement.getCurrentCount()).isZero();
    }

    @Test
    void anEndorsementCountsAndListsTheSignatory() {
        project(events.published(T0), events.added("provea", 0, T1));

        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(1);
        EndorsementView endorsement = store.endorsement(STATEMENT + ":provea");
        assertThat(endorsement.isEndorsed()).isTrue();
        assertThat(endorsement.getOrganizationName()).isEqualTo("Org provea");
        assertThat(endorsement.getEndorsedAt()).isEqualTo(T1);
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        ProjectedEvent published = events.published(T0);
        ProjectedEvent added = events.added("provea", 0, T1);
        project(published, added);

        ProjectionOutcome again = project(published, added);

        assertThat(again.applied()).isEmpty();
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(1);
        assertThat(store.statement(STATEMENT).getTotalAdded()).isEqualTo(1);
        assertThat(store.auditEntries()).hasSize(2);
    }

    @Test
    void anEventPublishedTwiceByTheRelayCountsOnce() {
        ProjectedEvent added = events.added("provea", 0, T1);
        project(events.published(T0), added);

        project(events.republished(added));

        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(1);
        assertThat(store.bucket(GrowthBucket.idOf(STATEMENT, T1)).getAdded()).isEqualTo(1);
    }

    @Test
    void aWithdrawalRemovesTheSignatoryAndReEndorsingBringsItBack() {
        project(events.published(T0), events.added("provea", 0, T1), events.withdrawn("provea", 1, T2));
        assertThat(store.statement(STATEMENT).getCurrentCount()).isZero();
        assertThat(store.statement(STATEMENT).getWithdrawn()).isEqualTo(1);
        assertThat(store.endorsement(STATEMENT + ":provea").isEndorsed()).isFalse();

        project(events.added("provea", 2, T3));

        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(1);
        assertThat(store.statement(STATEMENT).getTotalAdded()).isEqualTo(2);
        assertThat(store.endorsement(STATEMENT + ":provea").getFirstEndorsedAt())
                .isEqualTo(T1);
    }

    @Test
    void aSkippedSequenceNumberIsDetectedAndCounted() {
        project(events.published(T0), events.added("provea", 0, T1));

        project(events.added("provea", 2, T2));

        assertThat(store.gaps()).isEqualTo(1);
        assertThat(store.endorsement(STATEMENT + ":provea").getGaps()).isEqualTo(1);
        assertThat(store.endorsement(STATEMENT + ":provea").getSequence()).isEqualTo(2);
    }

    @Test
    void aCrashBetweenWritesIsRepairedByRedeliveryWithoutDoubleCounting() {
        ProjectedEvent published = events.published(T0);
        ProjectedEvent added = events.added("provea", 0, T1);
        store.crashBefore("endorsements");
        assertThatThrownBy(() -> project(published, added)).isInstanceOf(IllegalStateException.class);
        // statement counts were written, the endorsement view and the position were not
        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(1);
        assertThat(store.positions()).isEmpty();

        project(published, added);

        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(1);
        assertThat(store.endorsement(STATEMENT + ":provea").isEndorsed()).isTrue();
        assertThat(store.positions()).containsEntry(Events.PARTITION, added.offset() + 1);
    }

    @Test
    void aCrashAfterTheAuditTrailStillAppliesTheViewsOnRedelivery() {
        ProjectedEvent published = events.published(T0);
        ProjectedEvent added = events.added("provea", 0, T1);
        store.crashBefore("statements");
        assertThatThrownBy(() -> project(published, added)).isInstanceOf(IllegalStateException.class);

        project(published, added);

        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(1);
        assertThat(store.auditEntries()).hasSize(2);
    }

    @Test
    void growthIsBucketedPerHourWithTheRunningTotal() {
        project(
                events.published(T0),
                events.added("a", 0, T0),
                events.added("b", 0, T1),
                events.added("c", 0, T2),
                events.withdrawn("a", 1, T2));

        GrowthBucket nine = store.bucket(GrowthBucket.idOf(STATEMENT, T0));
        GrowthBucket ten = store.bucket(GrowthBucket.idOf(STATEMENT, T1));
        assertThat(nine.getAdded()).isEqualTo(1);
        assertThat(nine.getCumulative()).isEqualTo(1);
        assertThat(ten.getAdded()).isEqualTo(2);
        assertThat(ten.getWithdrawn()).isEqualTo(1);
        assertThat(ten.getNet()).isEqualTo(1);
        assertThat(ten.getCumulative()).isEqualTo(2);
    }

    @Test
    void growthCountsAnInvalidationAndAReinstatementApartFromWithdrawals() {
        project(
                events.published(T0),
                events.added("a", 0, T1),
                events.added("b", 0, T1),
                events.invalidated("a", 1, T2),
                events.invalidated("b", 1, T2),
                events.reinstated("b", 2, T2));

        GrowthBucket ten = store.bucket(GrowthBucket.idOf(STATEMENT, T1));
        assertThat(ten.getAdded()).isEqualTo(2);
        assertThat(ten.getWithdrawn()).isZero();
        assertThat(ten.getInvalidated()).isEqualTo(2);
        assertThat(ten.getReinstated()).isEqualTo(1);
        assertThat(ten.getNet()).isEqualTo(1);
        assertThat(ten.getCumulative()).isEqualTo(1);
    }

    @Test
    void aGrowthBucketKeepsTheLastChangeOfEachMinuteWithTheCountAfterIt() {
        project(
                events.published(T0),
                events.added("a", 0, T0),
                events.added("b", 0, T1),
                events.added("c", 0, T2),
                events.withdrawn("a", 1, T2));

        GrowthBucket ten = store.bucket(GrowthBucket.idOf(STATEMENT, T1));
        assertThat(ten.getChanges()).containsExactly(new GrowthBucket.Change(T1, 2), new GrowthBucket.Change(T2, 2));
    }

    @Test
    void anOrganizationViewKnowsWhatItSignedAndWithdrew() {
        project(
                events.registered("provea", T0),
                events.published(T0),
                events.added("provea", 0, T1),
                events.withdrawn("provea", 1, T2));

        var organization = store.organization("provea");
        assertThat(organization.getCountry()).isEqualTo("VE");
        assertThat(organization.getStatements().get(STATEMENT).endorsed()).isFalse();
        assertThat(organization.getStatements().get(STATEMENT).at()).isEqualTo(T2);
    }

    @Test
    void everyEventGetsOneImmutableAuditEntryWithItsTopicPosition() {
        ProjectedEvent added = events.added("provea", 0, T1);
        project(events.published(T0), added);

        var entry = store.auditDocument(added.eventId());
        assertThat(entry.getString("type")).isEqualTo("org.endorsements.EndorsementAdded.v2");
        assertThat(entry.getString("organizationId")).isEqualTo("provea");
        assertThat(entry.getInteger("partition")).isEqualTo(Events.PARTITION);
        assertThat(entry.getLong("offset")).isEqualTo(added.offset());
        assertThat(entry.get("payload", org.bson.Document.class).getString("signerOpening"))
                .isEqualTo("ab".repeat(32));
    }

    @Test
    void lettersEntriesSortBeforeLaterSignaturesInNumberOrder() {
        project(
                events.published(T0),
                events.added("late", 0, T1),
                events.added("ten", 0, T2, 10),
                events.added("two", 0, T3, 2));

        assertThat(List.of(
                        store.endorsement(STATEMENT + ":two").getSortKey(),
                        store.endorsement(STATEMENT + ":ten").getSortKey(),
                        store.endorsement(STATEMENT + ":late").getSortKey()))
                .isSorted();
    }
}
