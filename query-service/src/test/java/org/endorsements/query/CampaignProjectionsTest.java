package org.endorsements.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.SignatoryAt;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.statement.Progress;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.support.Events;
import org.endorsements.query.support.ProjectionFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Goals, deadlines and moderation behind the engine, on the embedded server, as the service projects them. */
class CampaignProjectionsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:15:00Z");
    private static final Instant T1 = Instant.parse("2026-11-01T10:05:00Z");
    private static final Instant T2 = Instant.parse("2026-11-01T10:45:00Z");
    private static final Instant T3 = Instant.parse("2026-11-01T12:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-12-01T00:00:00Z");
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

    private void project(ProjectedEvent... batch) {
        store.project(List.of(batch));
    }

    @Test
    void aStatementShowsItsGoalAndClosingTimeAndHowFarItGot() {
        project(
                events.published(T0),
                events.targetsSet(4, DEADLINE, 1, T0),
                events.added("provea", 0, T1),
                events.added("codhez", 0, T1));

        StatementView statement = store.statement(STATEMENT);
        Progress progress = Progress.of(statement, DEADLINE.minusSeconds(90));
        assertThat(progress.signatureGoal()).isEqualTo(4);
        assertThat(progress.percent()).isEqualTo(50);
        assertThat(progress.goalReached()).isFalse();
        assertThat(progress.closesAt()).isEqualTo(DEADLINE);
        assertThat(progress.secondsLeft()).isEqualTo(90);
    }

    @Test
    void theGoalIsReachedWhenTheCommandSideSaysSo() {
        project(events.published(T0), events.targetsSet(1, null, 1, T0), events.added("provea", 0, T1));
        assertThat(store.statement(STATEMENT).getGoalReachedAt()).isNull();

        project(events.goalReached(1, 1, 2, T1));

        assertThat(store.statement(STATEMENT).getGoalReachedAt()).isEqualTo(T1);
    }

    @Test
    void aNewGoalIsNotReachedYet() {
        project(
                events.published(T0),
                events.targetsSet(1, null, 1, T0),
                events.goalReached(1, 1, 2, T1),
                events.targetsSet(10, null, 3, T2));

        assertThat(store.statement(STATEMENT).getGoalReachedAt()).isNull();
        assertThat(store.statement(STATEMENT).getSignatureGoal()).isEqualTo(10);
    }

    @Test
    void aStatementClosedAtItsDeadlineSaysWhoClosedIt() {
        project(events.published(T0), events.targetsSet(null, T1, 1, T0), events.closed("deadline", 2, T1));

        StatementView statement = store.statement(STATEMENT);
        assertThat(statement.getStatus()).isEqualTo(StatementView.CLOSED);
        assertThat(statement.getClosedBy()).isEqualTo("deadline");
        assertThat(Progress.of(statement, T3).secondsLeft()).isZero();
    }

    @Test
    void anInvalidatedEndorsementLeavesTheCountAndIsCountedAsInvalidated() {
        project(
                events.published(T0),
                events.added("provea", 0, T1),
                events.added("codhez", 0, T1),
                events.invalidated("provea", 1, T2));

        StatementView statement = store.statement(STATEMENT);
        assertThat(statement.getCurrentCount()).isEqualTo(1);
        assertThat(statement.getInvalidated()).isEqualTo(1);
        assertThat(statement.getWithdrawn()).isZero();
        assertThat(store.endorsementQueries()
                        .countCurrent(STATEMENT, null, org.endorsements.query.endorsement.Audience.PUBLIC))
                .isEqualTo(1);
    }

    @Test
    void anInvalidatedEndorsementKeepsItsCategoryAndReasonForAuditors() {
        project(events.published(T0), events.added("provea", 0, T1), events.invalidated("provea", 1, T2));

        EndorsementView endorsement = store.endorsement(STATEMENT + ":provea");
        assertThat(endorsement.isEndorsed()).isFalse();
        assertThat(endorsement.getInvalidationCategory()).isEqualTo("forged");
        assertThat(endorsement.getInvalidationReason()).isEqualTo("not signed by them");
        assertThat(endorsement.getInvalidatedAt()).isEqualTo(T2);
        assertThat(store.auditEntries()).anySatisfy(entry -> {
            assertThat(entry.type()).isEqualTo("org.endorsements.EndorsementInvalidated.v1");
            assertThat(entry.organizationId()).isEqualTo("provea");
            assertThat(entry.actor()).isEqualTo("admin");
        });
    }

    @Test
    void aReinstatedEndorsementCountsAgainAsItWasAdded() {
        project(
                events.published(T0),
                events.added("provea", 0, T1),
                events.invalidated("provea", 1, T2),
                events.reinstated("provea", 2, T3));

        StatementView statement = store.statement(STATEMENT);
        assertThat(statement.getCurrentCount()).isEqualTo(1);
        assertThat(statement.getInvalidated()).isZero();
        EndorsementView endorsement = store.endorsement(STATEMENT + ":provea");
        assertThat(endorsement.isEndorsed()).isTrue();
        assertThat(endorsement.getEndorsedAt()).isEqualTo(T1);
        assertThat(endorsement.isInvalidated()).isFalse();
    }

    @Test
    void aRedeliveredInvalidationCountsOnce() {
        ProjectedEvent published = events.published(T0);
        ProjectedEvent added = events.added("provea", 0, T1);
        // Built after the others: offsets follow the order in which events are made, as on the topic.
        ProjectedEvent invalidated = events.invalidated("provea", 1, T2);
        project(published, added, invalidated);

        project(invalidated);
        project(events.republished(invalidated));

        assertThat(store.statement(STATEMENT).getInvalidated()).isEqualTo(1);
        assertThat(store.statement(STATEMENT).getCurrentCount()).isZero();
    }

    @Test
    void whoWasInForceBeforeAnInvalidationIsNamedToAuditorsNotAfterIt() {
        project(
                events.published(T0),
                events.added("provea", 0, T1),
                events.added("codhez", 0, T1),
                events.invalidated("provea", 1, T2));

        assertThat(store.endorsementQueries().signatoriesAt(STATEMENT, T1, true).entries())
                .extracting(SignatoryAt::organizationId)
                .containsExactlyInAnyOrder("provea", "codhez");
        assertThat(store.endorsementQueries().signatoriesAt(STATEMENT, T3, true).entries())
                .extracting(SignatoryAt::organizationId)
                .containsExactly("codhez");
    }

    @Test
    void aReinstatedSignatoryIsInForceAgainWithItsOriginalEntry() {
        project(
                events.published(T0),
                events.added("provea", 0, T1),
                events.invalidated("provea", 1, T2),
                events.reinstated("provea", 2, T3));

        List<SignatoryAt> inForce =
                store.endorsementQueries().signatoriesAt(STATEMENT, T3, true).entries();
        assertThat(inForce).extracting(SignatoryAt::organizationId).containsExactly("provea");
        assertThat(inForce.get(0).endorsedAt()).isEqualTo(T1);
        assertThat(inForce.get(0).name()).isEqualTo("Org provea");
    }

    /** The admin's act is what counts it again: the views read its level, and still the signature's key. */
    @Test
    void aReinstatedSignatureReadsTheReinstatementsLevelAndStillNamesItsKey() {
        project(
                events.published(T0),
                events.signed("provea", 0, T1, "k1"),
                events.invalidated("provea", 1, T2),
                events.reinstatedAt("provea", 2, T3, AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));

        EndorsementView endorsement = store.endorsement(STATEMENT + ":provea");
        assertThat(endorsement.getAssurance()).isEqualTo("admin-issued-credential");
        assertThat(endorsement.getSigningKeyId()).isEqualTo("k1");
        SignatoryAt inForce = store.endorsementQueries()
                .signatoriesAt(STATEMENT, T3, true)
                .entries()
                .get(0);
        assertThat(inForce.assurance()).isEqualTo("admin-issued-credential");
        assertThat(inForce.signingKeyId()).isEqualTo("k1");
        assertThat(store.endorsementQueries()
                        .signatoriesAt(STATEMENT, T1, true)
                        .entries()
                        .get(0)
                        .assurance())
                .isEqualTo("organization-key");
    }

    @Test
    void theWithdrawalOfAnInvalidatedEndorsementChangesNoCount() {
        project(
                events.published(T0),
                events.added("provea", 0, T1),
                events.invalidated("provea", 1, T2),
                events.withdrawnWhileInvalidated("provea", 2, T3));

        StatementView statement = store.statement(STATEMENT);
        assertThat(statement.getCurrentCount()).isZero();
        assertThat(statement.getInvalidated()).isEqualTo(1);
        assertThat(statement.getWithdrawn()).isZero();
        assertThat(store.endorsementQueries().signatoriesAt(STATEMENT, T3, true).entries())
                .isEmpty();
    }
}
