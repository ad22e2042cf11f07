package org.endorsements.command.endorsement;

import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Caller;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.InvalidatedEndorsementWithdrawn;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An admin invalidates an endorsement, which the organization cannot undo by signing again; an admin reinstates. */
class EndorsementModerationTest {

    private static final StatementId STATEMENT = StatementId.of("icc-statement");
    private static final OrganizationId ORG = OrganizationId.of("acceso-a-la-justicia");
    private static final EndorsementId ID = new EndorsementId(STATEMENT, ORG);
    private static final String HASH = "a".repeat(64);
    private static final String OPENING = "0f".repeat(32);
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Caller ORG_KEY = Caller.organization(ORG, "cred-1");

    private FixtureConfiguration<Endorsement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Endorsement.class);
        fixture.registerInjectableResource(new EndorsementTest.StubRules());
        fixture.registerInjectableResource((SignerOpenings) () -> OPENING);
        fixture.registerInjectableResource(new StubAssuranceRules(HASH));
    }

    private static Map<String, Object> by(Caller caller) {
        return Map.of(CallerMetaData.KEY, caller);
    }

    private static EndorsementAdded added() {
        return new EndorsementAdded(
                STATEMENT,
                ORG,
                "Acceso a la Justicia",
                HASH,
                T1,
                "credential:cred-1",
                EndorsementSource.API,
                "req-1",
                OPENING,
                null,
                EndorsementVisibility.DEFAULT,
                null,
                null,
                null);
    }

    private static EndorsementInvalidated invalidated() {
        return new EndorsementInvalidated(
                STATEMENT, ORG, InvalidationCategory.FORGED, "not signed by them", T2, "admin", "req-2");
    }

    private static InvalidateEndorsementCommand invalidate(String reason) {
        return new InvalidateEndorsementCommand(ID, InvalidationCategory.FORGED, reason, "req-2", T2);
    }

    @Test
    void anAdminInvalidatesACountedEndorsementWithCategoryAndReason() {
        fixture.given(added())
                .when(invalidate("  not signed by them "), by(Caller.ADMIN))
                .expectEvents(invalidated())
                .expectResultMessagePayload(new EndorsementOutcome(true, 1));
    }

    @Test
    void anInvalidationNeedsAReason() {
        fixture.given(added())
                .when(invalidate(" "), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("reason is required")
                .expectNoEvents();
    }

    @Test
    void anInvalidationNeedsACategory() {
        fixture.given(added())
                .when(new InvalidateEndorsementCommand(ID, null, "forged", "req-2", T2), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("category is required")
                .expectNoEvents();
    }

    @Test
    void anOrganizationCannotInvalidateEndorsements() {
        fixture.given(added())
                .when(invalidate("mine"), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("only an admin moderates endorsements")
                .expectNoEvents();
    }

    @Test
    void aWithdrawnEndorsementCannotBeInvalidated() {
        fixture.given(added(), new EndorsementWithdrawn(STATEMENT, ORG, null, T1, "credential:cred-1", "r"))
                .when(invalidate("forged"), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("there is no counted endorsement to invalidate")
                .expectNoEvents();
    }

    @Test
    void invalidatingAnInvalidatedEndorsementAgainChangesNothing() {
        fixture.given(added(), invalidated())
                .when(invalidate("again"), by(Caller.ADMIN))
                .expectNoEvents()
                .expectResultMessagePayload(new EndorsementOutcome(false, 1));
    }

    @Test
    void theOrganizationCannotSignAnInvalidatedEndorsementAgain() {
        fixture.given(added(), invalidated())
                .when(new EndorseStatementCommand(ID, EndorsementSource.API, null, "req-3", T2), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(
                        "an admin invalidated this endorsement; only an admin's reinstatement counts it again")
                .expectNoEvents();
    }

    @Test
    void anAdminCannotReImportAnInvalidatedEndorsement() {
        fixture.given(added(), invalidated())
                .when(new EndorseStatementCommand(ID, EndorsementSource.IMPORTED, null, "req-3", T2), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    private static InvalidatedEndorsementWithdrawn withdrawnWhileInvalidated() {
        return new InvalidatedEndorsementWithdrawn(
                STATEMENT,
                ORG,
                "we never signed it",
                T2,
                "credential:cred-1",
                "req-3",
                null,
                AssuranceLevel.ORGANIZATION_CREDENTIAL);
    }

    @Test
    void theOrganizationWithdrawsAnInvalidatedEndorsementAsAnEventNoCountReads() {
        fixture.given(added(), invalidated())
                .when(new WithdrawEndorsementCommand(ID, "we never signed it", "req-3", T2), by(ORG_KEY))
                .expectEvents(withdrawnWhileInvalidated());
    }

    @Test
    void anInvalidatedEndorsementItsOrganizationWithdrewStillCannotBeSignedAgain() {
        fixture.given(added(), invalidated(), withdrawnWhileInvalidated())
                .when(new EndorseStatementCommand(ID, EndorsementSource.API, null, "req-4", T2), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(
                        "an admin invalidated this endorsement; only an admin's reinstatement counts it again")
                .expectNoEvents();
    }

    @Test
    void anInvalidatedEndorsementItsOrganizationWithdrewCannotBeReinstated() {
        fixture.given(added(), invalidated(), withdrawnWhileInvalidated())
                .when(new ReinstateEndorsementCommand(ID, "genuine after all", "req-4", T2), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the organization withdrew this endorsement after its invalidation;"
                        + " there is nothing to count again")
                .expectNoEvents();
    }

    @Test
    void anInvalidatedEndorsementIsWithdrawnOnlyOnce() {
        fixture.given(added(), invalidated(), withdrawnWhileInvalidated())
                .when(new WithdrawEndorsementCommand(ID, null, "req-4", T2), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("there is no endorsement to withdraw")
                .expectNoEvents();
    }

    @Test
    void anAdminReinstatesAnInvalidatedEndorsementAtNoMoreThanAnAdminVouchesFor() {
        fixture.given(added(), invalidated())
                .when(new ReinstateEndorsementCommand(ID, "the signature was genuine", "req-4", T2), by(Caller.ADMIN))
                .expectEvents(new EndorsementReinstated(
                        STATEMENT,
                        ORG,
                        "the signature was genuine",
                        T2,
                        "admin",
                        "req-4",
                        AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));
    }

    @Test
    void aReinstatedImportStaysImported() {
        EndorsementAdded imported = new EndorsementAdded(
                STATEMENT,
                ORG,
                "Acceso a la Justicia",
                HASH,
                T1,
                "admin",
                EndorsementSource.IMPORTED,
                "req-1",
                OPENING,
                7,
                EndorsementVisibility.DEFAULT,
                null,
                null,
                null);
        fixture.given(imported, invalidated())
                .when(new ReinstateEndorsementCommand(ID, null, "req-4", T2), by(Caller.ADMIN))
                .expectEvents(
                        new EndorsementReinstated(STATEMENT, ORG, null, T2, "admin", "req-4", AssuranceLevel.IMPORTED));
    }

    @Test
    void onlyAnInvalidatedEndorsementCanBeReinstated() {
        fixture.given(added())
                .when(new ReinstateEndorsementCommand(ID, null, "req-4", T2), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the endorsement is not invalidated")
                .expectNoEvents();
    }

    @Test
    void aReinstatedEndorsementCountsAgainSoSigningAgainChangesNothing() {
        fixture.given(added(), invalidated(), new EndorsementReinstated(STATEMENT, ORG, null, T2, "admin", "req-4"))
                .when(new EndorseStatementCommand(ID, EndorsementSource.API, null, "req-5", T2), by(ORG_KEY))
                .expectNoEvents()
                .expectResultMessagePayload(new EndorsementOutcome(false, 2));
    }

    @Test
    void aReinstatedEndorsementCanBeWithdrawnByItsOrganization() {
        fixture.given(added(), invalidated(), new EndorsementReinstated(STATEMENT, ORG, null, T2, "admin", "req-4"))
                .when(new WithdrawEndorsementCommand(ID, null, "req-5", T2), by(ORG_KEY))
                .expectSuccessfulHandlerExecution();
    }
}
