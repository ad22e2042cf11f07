package org.endorsements.command.statement;

import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.events.Caller;
import org.endorsements.events.CanonicalText;
import org.endorsements.events.SignaturePolicy;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementGoalReached;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.events.StatementTargetsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Goals and closing times: set at publication or later by an admin, reached and passed once. */
class StatementTargetsTest {

    private static final StatementId ID = StatementId.of("icc-statement");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-12-01T00:00:00Z");
    private static final String TITLE = "Against the criminalization of those who cooperate with the ICC";
    private static final String BODY = "The Venezuelan organizations that sign this statement reject...";
    private static final Map<String, Object> ADMIN = Map.of(CallerMetaData.KEY, Caller.ADMIN);

    private FixtureConfiguration<Statement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Statement.class);
    }

    private static StatementPublished published() {
        return new StatementPublished(
                ID, TITLE, BODY, "en", CanonicalText.contentHash(TITLE, BODY), T1, "admin", null, null);
    }

    private static PublishStatementCommand publish(Integer goal, Instant closesAt) {
        return new PublishStatementCommand(
                ID, TITLE, BODY, "en", null, null, T1, SignaturePolicy.OPTIONAL, null, null, goal, closesAt);
    }

    private static StatementTargetsSet targets(Integer goal, Instant closesAt) {
        return new StatementTargetsSet(ID, goal, closesAt, T1, "admin");
    }

    @Test
    void aPublicationWithAGoalAndAClosingTimeRecordsThemAfterTheText() {
        fixture.givenNoPriorActivity()
                .when(publish(100, DEADLINE), ADMIN)
                .expectEvents(published(), targets(100, DEADLINE));
    }

    @Test
    void aPublicationWithoutTargetsRecordsOnlyTheText() {
        fixture.givenNoPriorActivity().when(publish(null, null), ADMIN).expectEvents(published());
    }

    @Test
    void aGoalBelowOneIsRefusedAndNothingIsPublished() {
        fixture.givenNoPriorActivity()
                .when(publish(0, null), ADMIN)
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("signatureGoal must be between 1 and " + Statement.MAX_SIGNATURE_GOAL)
                .expectNoEvents();
    }

    @Test
    void aClosingTimeInThePastIsRefused() {
        fixture.givenNoPriorActivity()
                .when(publish(null, T1.minusSeconds(1)), ADMIN)
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("closesAt must be in the future")
                .expectNoEvents();
    }

    @Test
    void anAdminChangesTheTargetsOfAnOpenStatement() {
        fixture.given(published(), targets(100, DEADLINE))
                .when(new SetStatementTargetsCommand(ID, 200, null, T2), ADMIN)
                .expectEvents(new StatementTargetsSet(ID, 200, null, T2, "admin"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void settingTheTargetsInForceChangesNothing() {
        fixture.given(published(), targets(100, DEADLINE))
                .when(new SetStatementTargetsCommand(ID, 100, DEADLINE, T2), ADMIN)
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void theTargetsOfAClosedStatementCannotChange() {
        fixture.given(published(), new StatementClosed(ID, T1, "admin"))
                .when(new SetStatementTargetsCommand(ID, 100, DEADLINE, T2), ADMIN)
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("statement is closed")
                .expectNoEvents();
    }

    @Test
    void aCountAtTheGoalRecordsTheGoalAsReached() {
        fixture.given(published(), targets(3, null))
                .when(new RecordGoalReachedCommand(ID, 3, T2))
                .expectEvents(new StatementGoalReached(ID, 3, 3, T2))
                .expectResultMessagePayload(true);
    }

    @Test
    void aCountBelowTheGoalRecordsNothing() {
        fixture.given(published(), targets(3, null))
                .when(new RecordGoalReachedCommand(ID, 2, T2))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aGoalIsReachedOnceWhateverTheCountsThatFollow() {
        fixture.given(published(), targets(3, null), new StatementGoalReached(ID, 3, 3, T2))
                .when(new RecordGoalReachedCommand(ID, 4, T2))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aNewGoalCanBeReachedAgain() {
        fixture.given(
                        published(),
                        targets(3, null),
                        new StatementGoalReached(ID, 3, 3, T2),
                        new StatementTargetsSet(ID, 5, null, T2, "admin"))
                .when(new RecordGoalReachedCommand(ID, 5, T2))
                .expectEvents(new StatementGoalReached(ID, 5, 5, T2));
    }

    @Test
    void aStatementWithoutAGoalNeverReachesOne() {
        fixture.given(published())
                .when(new RecordGoalReachedCommand(ID, 1000, T2))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aStatementPastItsClosingTimeClosesItselfNamingTheDeadline() {
        fixture.given(published(), targets(null, DEADLINE))
                .when(new CloseStatementAtDeadlineCommand(ID, DEADLINE.plusSeconds(1)))
                .expectEvents(new StatementClosed(ID, DEADLINE.plusSeconds(1), StatementClosed.DEADLINE_ACTOR))
                .expectResultMessagePayload(true);
    }

    @Test
    void aDeadlineCloseOfAClosedStatementChangesNothing() {
        fixture.given(published(), targets(null, DEADLINE), new StatementClosed(ID, DEADLINE, "deadline"))
                .when(new CloseStatementAtDeadlineCommand(ID, DEADLINE.plusSeconds(5)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aStatementBeforeItsClosingTimeIsNotClosedByTheDeadline() {
        fixture.given(published(), targets(null, DEADLINE))
                .when(new CloseStatementAtDeadlineCommand(ID, DEADLINE.minusSeconds(1)))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the statement's closing time has not passed")
                .expectNoEvents();
    }

    @Test
    void aStatementWithoutClosingTimeIsNotClosedByTheDeadline() {
        fixture.given(published())
                .when(new CloseStatementAtDeadlineCommand(ID, DEADLINE))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }
}
