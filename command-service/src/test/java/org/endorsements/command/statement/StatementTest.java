package org.endorsements.command.statement;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.endorsements.command.shared.Actor;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.events.CanonicalText;
import org.endorsements.events.OrganizationId;
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
        return new StatementPublished(ID, TITLE, BODY, "en", CanonicalText.contentHash(TITLE, BODY), T1, "admin", null,
                null);
    }

    @Test
    void anAdminPublishesAStatementWithTheHashOfItsCanonicalText() {
        fixture.givenNoPriorActivity()
                .when(new PublishStatementCommand(ID, "  " + TITLE + " ", BODY + "\n\n", "en", null, null,
                        Actor.admin(), T1))
                .expectEvents(published())
                .expectResultMessagePayload(CanonicalText.contentHash(TITLE, BODY));
    }

    @Test
    void anOrganizationCannotPublishAStatement() {
        fixture.givenNoPriorActivity()
                .when(new PublishStatementCommand(ID, TITLE, BODY, "en", null, null,
                        new Actor.OrganizationCredential(OrganizationId.of("provea"), "cred-1"), T1))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aStatementNeedsAValidLanguageTag() {
        fixture.givenNoPriorActivity()
                .when(new PublishStatementCommand(ID, TITLE, BODY, "not a tag!", null, null, Actor.admin(), T1))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("language must be a BCP 47 tag");
    }

    @Test
    void aStatementNeedsABody() {
        fixture.givenNoPriorActivity()
                .when(new PublishStatementCommand(ID, TITLE, "  ", "en", null, null, Actor.admin(), T1))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("body is required");
    }

    @Test
    void aTitleWithControlCharactersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PublishStatementCommand(ID, "Title\u0007", BODY, "en", null, null, Actor.admin(), T1))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("title contains control characters");
    }

    @Test
    void anAdminClosesAnOpenStatement() {
        fixture.given(published())
                .when(new CloseStatementCommand(ID, Actor.admin(), T1))
                .expectEvents(new StatementClosed(ID, T1, "admin"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aClosedStatementCannotBeClosedAgain() {
        fixture.given(published(), new StatementClosed(ID, T1, "admin"))
                .when(new CloseStatementCommand(ID, Actor.admin(), T1))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }
}
