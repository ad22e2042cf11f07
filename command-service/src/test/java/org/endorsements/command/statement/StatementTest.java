package org.endorsements.command.statement;

import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.events.Caller;
import org.endorsements.events.CanonicalText;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementTest {

    private static final StatementId ID = StatementId.of("icc-statement");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final String TITLE = "Against the criminalization of those who cooperate with the ICC";
    private static final String BODY = "The Venezuelan organizations that sign this statement reject...";

    private FixtureConfiguration<Statement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Statement.class);
    }

    private static StatementPublished published() {
        return new StatementPublished(
                ID, TITLE, BODY, "en", CanonicalText.contentHash(TITLE, BODY), T1, "admin", null, null);
    }

    /** The metadata the dispatch interceptor gives every command: who sent it. */
    private static Map<String, Object> by(Caller caller) {
        return Map.of(CallerMetaData.KEY, caller);
    }

    @Test
    void anAdminPublishesAStatementWithTheHashOfItsCanonicalText() {
        fixture.givenNoPriorActivity()
                .when(
                        new PublishStatementCommand(ID, "  " + TITLE + " ", BODY + "\n\n", "en", null, null, T1),
                        by(Caller.ADMIN))
                .expectEvents(published())
                .expectResultMessagePayload(CanonicalText.contentHash(TITLE, BODY));
    }

    @Test
    void aStatementNeedsAValidLanguageTag() {
        fixture.givenNoPriorActivity()
                .when(new PublishStatementCommand(ID, TITLE, BODY, "not a tag!", null, null, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("language must be a BCP 47 tag");
    }

    @Test
    void aStatementNeedsABody() {
        fixture.givenNoPriorActivity()
                .when(new PublishStatementCommand(ID, TITLE, "  ", "en", null, null, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("body is required");
    }

    @Test
    void aTitleWithControlCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PublishStatementCommand(ID, "Title\u0007", BODY, "en", null, null, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("title contains control characters");
    }

    @Test
    void anAdminClosesAnOpenStatement() {
        fixture.given(published())
                .when(new CloseStatementCommand(ID, T1), by(Caller.ADMIN))
                .expectEvents(new StatementClosed(ID, T1, "admin"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aClosedStatementCannotBeClosedAgain() {
        fixture.given(published(), new StatementClosed(ID, T1, "admin"))
                .when(new CloseStatementCommand(ID, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }
}
