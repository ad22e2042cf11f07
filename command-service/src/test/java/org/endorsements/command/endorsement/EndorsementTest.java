package org.endorsements.command.endorsement;

import static org.endorsements.command.support.Violations.violation;

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
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementVisibilityChanged;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndorsementTest {

    private static final StatementId STATEMENT = StatementId.of("icc-statement");
    private static final OrganizationId ORG = OrganizationId.of("acceso-a-la-justicia");
    private static final EndorsementId ID = new EndorsementId(STATEMENT, ORG);
    private static final String HASH = "a".repeat(64);
    private static final String OPENING = "0f".repeat(32);
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Caller ORG_KEY = Caller.organization(ORG, "cred-1");

    private FixtureConfiguration<Endorsement> fixture;
    private StubRules rules;
    private StubAssuranceRules assurances;

    /** The registry as a plain object: which statement is open and which organization is active. */
    static final class StubRules implements SignatoryRules {
        boolean statementExists = true;
        boolean statementClosed;
        boolean organizationExists = true;
        boolean organizationSuspended;
        boolean organizationHidden;
        /** The content hash of the statement's version in force. */
        String versionInForce = HASH;

        @Override
        public boolean isHidden(OrganizationId organizationId) {
            return organizationHidden;
        }

        @Override
        public String contentHashOfOpenStatement(StatementId statementId) {
            if (!statementExists) {
                throw DomainRuleViolation.notFound("statement-not-found", "no such statement");
            }
            if (statementClosed) {
                throw DomainRuleViolation.conflict("statement-closed", "statement is closed");
            }
            return versionInForce;
        }

        @Override
        public String nameOfActiveOrganization(OrganizationId organizationId) {
            if (!organizationExists) {
                throw DomainRuleViolation.notFound("organization-not-found", "no such organization");
            }
            if (organizationSuspended) {
                throw DomainRuleViolation.conflict("organization-suspended", "organization is suspended");
            }
            return "Acceso a la Justicia";
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Endorsement.class);
        rules = new StubRules();
        fixture.registerInjectableResource(rules);
        fixture.registerInjectableResource((SignerOpenings) () -> OPENING);
        assurances = new StubAssuranceRules(HASH);
        fixture.registerInjectableResource(assurances);
    }

    private static final String TRANSLATION_HASH = "c".repeat(64);
    private static final String HASH_V2 = "d".repeat(64);

    /** An endorsement whose signer says which text it read. */
    private static EndorseStatementCommand endorseHaving(String readContentHash, Instant at) {
        return new EndorseStatementCommand(ID, EndorsementSource.API, null, "req-1", at, null, null, readContentHash);
    }

    /** The statement's admin published version 2 ({@link #HASH_V2}). */
    private void amendStatement() {
        rules.versionInForce = HASH_V2;
        assurances.contentHash = HASH_V2;
    }

    private static EndorseStatementCommand endorse(EndorsementSource source, Instant at) {
        return new EndorseStatementCommand(ID, source, null, "req-1", at);
    }

    /** The metadata the dispatch interceptor gives every command: who sent it. */
    private static Map<String, Object> by(Caller caller) {
        return Map.of(CallerMetaData.KEY, caller);
    }

    private static EndorsementAdded added(Instant at) {
        return new EndorsementAdded(
                STATEMENT,
                ORG,
                "Acceso a la Justicia",
                HASH,
                at,
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

    private static EndorsementAdded added(Instant at, EndorsementVisibility visibility) {
        return new EndorsementAdded(
                STATEMENT,
                ORG,
                "Acceso a la Justicia",
                HASH,
                at,
                "credential:cred-1",
                EndorsementSource.API,
                "req-1",
                OPENING,
                null,
                visibility,
                null,
                null,
                null);
    }

    private static EndorseStatementCommand endorse(EndorsementVisibility visibility) {
        return new EndorseStatementCommand(ID, EndorsementSource.API, null, "req-1", T1, visibility);
    }

    private static ChangeEndorsementVisibilityCommand change(EndorsementVisibility visibility) {
        return new ChangeEndorsementVisibilityCommand(ID, visibility, "req-3", T2);
    }

    private static EndorsementVisibilityChanged changed(EndorsementVisibility visibility) {
        return new EndorsementVisibilityChanged(STATEMENT, ORG, visibility, T2, "credential:cred-1", "req-3");
    }

    private static EndorsementWithdrawn withdrawn(Instant at) {
        return new EndorsementWithdrawn(STATEMENT, ORG, null, at, "credential:cred-1", "req-2");
    }

    @Test
    void anOrganizationEndorsesAnOpenStatementForItself() {
        fixture.givenNoPriorActivity()
                .when(endorse(EndorsementSource.API, T1), by(ORG_KEY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(added(T1))
                .expectResultMessagePayload(new EndorsementOutcome(true, 0));
    }

    @Test
    void endorsingAgainWhileEndorsedAddsNoEvent() {
        fixture.given(added(T1))
                .when(endorse(EndorsementSource.API, T2), by(ORG_KEY))
                .expectNoEvents()
                .expectResultMessagePayload(new EndorsementOutcome(false, 0));
    }

    @Test
    void anAdminRecordsAnImportedEndorsementWithItsLetterEntryNumber() {
        fixture.givenNoPriorActivity()
                .when(new EndorseStatementCommand(ID, EndorsementSource.IMPORTED, 9, "req-1", T1), by(Caller.ADMIN))
                .expectEvents(new EndorsementAdded(
                        STATEMENT,
                        ORG,
                        "Acceso a la Justicia",
                        HASH,
                        T1,
                        "admin",
                        EndorsementSource.IMPORTED,
                        "req-1",
                        OPENING,
                        9,
                        EndorsementVisibility.DEFAULT,
                        null,
                        null,
                        null));
    }

    @Test
    void anEndorsementWithAnAdminIssuedKeyReadsAdminIssuedCredential() {
        assurances.credentials.put("cred-1", AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
        fixture.givenNoPriorActivity()
                .when(endorse(EndorsementSource.API, T1), by(ORG_KEY))
                .expectEvents(new EndorsementAdded(
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
                        AssuranceLevel.ADMIN_ISSUED_CREDENTIAL,
                        null));
    }

    @Test
    void anAdminCannotClaimAnOrganizationSignedThroughTheApi() {
        fixture.givenNoPriorActivity()
                .when(endorse(EndorsementSource.API, T1), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anOrganizationCannotPassItsOwnSignatureOffAsAnImport() {
        fixture.givenNoPriorActivity()
                .when(endorse(EndorsementSource.IMPORTED, T1), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("an organization endorses through the API")
                .expectNoEvents();
    }

    @Test
    void aStatementThatDoesNotExistCannotBeEndorsed() {
        rules.statementExists = false;
        fixture.givenNoPriorActivity()
                .when(endorse(EndorsementSource.API, T1), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("no such statement");
    }

    @Test
    void aClosedStatementCannotBeEndorsed() {
        rules.statementClosed = true;
        fixture.givenNoPriorActivity()
                .when(endorse(EndorsementSource.API, T1), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("statement is closed");
    }

    @Test
    void aSuspendedOrganizationCannotEndorse() {
        rules.organizationSuspended = true;
        fixture.givenNoPriorActivity()
                .when(endorse(EndorsementSource.API, T1), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("organization is suspended");
    }

    @Test
    void anUnknownOrganizationCannotEndorse() {
        rules.organizationExists = false;
        fixture.givenNoPriorActivity()
                .when(endorse(EndorsementSource.API, T1), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("no such organization");
    }

    @Test
    void anEndorsementCanBeWithdrawn() {
        fixture.given(added(T1))
                .when(new WithdrawEndorsementCommand(ID, null, "req-2", T2), by(ORG_KEY))
                .expectEvents(withdrawn(T2))
                .expectResultMessagePayload(new EndorsementOutcome(true, 1));
    }

    @Test
    void withdrawingWithoutAnEndorsementIsRefused() {
        fixture.given(added(T1), withdrawn(T2))
                .when(new WithdrawEndorsementCommand(ID, null, "req-3", T2), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("there is no endorsement to withdraw")
                .expectNoEvents();
    }

    @Test
    void reEndorsingAfterWithdrawalReusesTheSignerOpening() {
        String firstOpening = "ab".repeat(32);
        EndorsementAdded first = new EndorsementAdded(
                STATEMENT,
                ORG,
                "Acceso a la Justicia",
                HASH,
                T1,
                "credential:cred-1",
                EndorsementSource.API,
                "req-1",
                firstOpening,
                null,
                EndorsementVisibility.DEFAULT,
                null,
                null,
                null);
        fixture.given(first, withdrawn(T2))
                .when(endorse(EndorsementSource.API, T2), by(ORG_KEY))
                .expectEvents(new EndorsementAdded(
                        STATEMENT,
                        ORG,
                        "Acceso a la Justicia",
                        HASH,
                        T2,
                        "credential:cred-1",
                        EndorsementSource.API,
                        "req-1",
                        firstOpening,
                        null,
                        EndorsementVisibility.DEFAULT,
                        null,
                        null,
                        null))
                .expectResultMessagePayload(new EndorsementOutcome(true, 2));
    }

    private static EndorsementAdded imported(Instant at, EndorsementVisibility visibility) {
        return new EndorsementAdded(
                STATEMENT,
                ORG,
                "Acceso a la Justicia",
                HASH,
                at,
                "admin",
                EndorsementSource.IMPORTED,
                "req-1",
                OPENING,
                9,
                visibility,
                null,
                null,
                null);
    }

    private static EndorseStatementCommand reImport(EndorsementVisibility visibility) {
        return new EndorseStatementCommand(ID, EndorsementSource.IMPORTED, 9, "req-1", T2, visibility);
    }

    @Test
    void anAdminReImportingAnEndorsementTheOrganizationMadeCountedKeepsItCounted() {
        fixture.given(added(T1, EndorsementVisibility.COUNTED), withdrawn(T2))
                .when(reImport(null), by(Caller.ADMIN))
                .expectEvents(imported(T2, EndorsementVisibility.COUNTED));
    }

    @Test
    void anAdminCannotReImportAsPublicWhatTheOrganizationMadeCounted() {
        fixture.given(added(T1), changed(EndorsementVisibility.COUNTED), withdrawn(T2))
                .when(reImport(EndorsementVisibility.PUBLIC), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(
                        "the organization chose to be counted without being named; only it can make this public")
                .expectNoEvents();
    }

    @Test
    void anAdminReImportingAHiddenOrganizationsPublicEndorsementRecordsItCounted() {
        rules.organizationHidden = true;
        fixture.given(added(T1, EndorsementVisibility.PUBLIC), withdrawn(T2))
                .when(reImport(null), by(Caller.ADMIN))
                .expectEvents(imported(T2, EndorsementVisibility.COUNTED));
    }

    @Test
    void anOrganizationRenewingItsCountedEndorsementWithoutAVisibilityStaysCounted() {
        fixture.given(added(T1, EndorsementVisibility.COUNTED), withdrawn(T2))
                .when(endorse(null), by(ORG_KEY))
                .expectEvents(added(T1, EndorsementVisibility.COUNTED));
    }

    @Test
    void anOrganizationMayMakeItsRenewedEndorsementPublicItself() {
        fixture.given(added(T1, EndorsementVisibility.COUNTED), withdrawn(T2))
                .when(endorse(EndorsementVisibility.PUBLIC), by(ORG_KEY))
                .expectEvents(added(T1, EndorsementVisibility.PUBLIC));
    }

    @Test
    void anEndorsementIsPublicWhenTheEndorserChoosesNothing() {
        fixture.givenNoPriorActivity()
                .when(endorse(EndorsementSource.API, T1), by(ORG_KEY))
                .expectEvents(added(T1, EndorsementVisibility.PUBLIC));
    }

    @Test
    void anOrganizationMayEndorseToBeCountedWithoutBeingNamed() {
        fixture.givenNoPriorActivity()
                .when(endorse(EndorsementVisibility.COUNTED), by(ORG_KEY))
                .expectEvents(added(T1, EndorsementVisibility.COUNTED));
    }

    @Test
    void aHiddenOrganizationsEndorsementIsCountedEvenWhenItChoseNothing() {
        rules.organizationHidden = true;
        fixture.givenNoPriorActivity()
                .when(endorse(null), by(ORG_KEY))
                .expectEvents(added(T1, EndorsementVisibility.COUNTED));
    }

    @Test
    void aHiddenOrganizationCannotEndorsePublicly() {
        rules.organizationHidden = true;
        fixture.givenNoPriorActivity()
                .when(endorse(EndorsementVisibility.PUBLIC), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the organization is hidden: none of its endorsements can be public")
                .expectNoEvents();
    }

    @Test
    void aHiddenOrganizationEndorsingPubliclyAgainIsRefusedAsHidden() {
        rules.organizationHidden = true;
        fixture.given(added(T1, EndorsementVisibility.PUBLIC))
                .when(endorse(EndorsementVisibility.PUBLIC), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the organization is hidden: none of its endorsements can be public")
                .expectNoEvents();
    }

    @Test
    void aHiddenOrganizationEndorsingAgainAsCountedIsWhatItAlreadyIs() {
        rules.organizationHidden = true;
        fixture.given(added(T1, EndorsementVisibility.PUBLIC))
                .when(endorse(EndorsementVisibility.COUNTED), by(ORG_KEY))
                .expectNoEvents()
                .expectResultMessagePayload(new EndorsementOutcome(false, 0));
    }

    @Test
    void endorsingAgainWithAnotherVisibilityIsRefusedRatherThanIgnored() {
        fixture.given(added(T1))
                .when(endorse(EndorsementVisibility.COUNTED), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(
                        "already endorsed with another visibility; change it through the endorsement's visibility")
                .expectNoEvents();
    }

    @Test
    void anOrganizationChangesItsPublicEndorsementToCounted() {
        fixture.given(added(T1))
                .when(change(EndorsementVisibility.COUNTED), by(ORG_KEY))
                .expectEvents(changed(EndorsementVisibility.COUNTED))
                .expectResultMessagePayload(new EndorsementOutcome(true, 1));
    }

    @Test
    void aCountedEndorsementCanBeMadePublicAgain() {
        fixture.given(added(T1, EndorsementVisibility.COUNTED))
                .when(change(EndorsementVisibility.PUBLIC), by(ORG_KEY))
                .expectEvents(changed(EndorsementVisibility.PUBLIC));
    }

    @Test
    void askingForTheVisibilityAnEndorsementHasAddsNoEvent() {
        fixture.given(added(T1), changed(EndorsementVisibility.COUNTED))
                .when(change(EndorsementVisibility.COUNTED), by(ORG_KEY))
                .expectNoEvents()
                .expectResultMessagePayload(new EndorsementOutcome(false, 1));
    }

    @Test
    void aHiddenOrganizationsEndorsementCannotBeMadePublic() {
        rules.organizationHidden = true;
        fixture.given(added(T1, EndorsementVisibility.COUNTED))
                .when(change(EndorsementVisibility.PUBLIC), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the organization is hidden: none of its endorsements can be public")
                .expectNoEvents();
    }

    @Test
    void aWithdrawnEndorsementHasNoVisibilityToChange() {
        fixture.given(added(T1), withdrawn(T2))
                .when(change(EndorsementVisibility.COUNTED), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("there is no endorsement whose visibility could change")
                .expectNoEvents();
    }

    @Test
    void anEventRecordedBeforeVisibilityExistedReadsAsPublic() {
        fixture.given(added(T1, null))
                .when(change(EndorsementVisibility.PUBLIC), by(ORG_KEY))
                .expectNoEvents();
    }

    @Test
    void aSignerWhoReadATranslationIsRecordedWithBothThatTextsHashAndTheVersions() {
        assurances.versionOfText.put(TRANSLATION_HASH, HASH);
        EndorsementAdded expected = added(T1);
        fixture.givenNoPriorActivity()
                .when(endorseHaving(TRANSLATION_HASH, T1), by(ORG_KEY))
                .expectEvents(new EndorsementAdded(
                        expected.statementId(),
                        expected.organizationId(),
                        expected.organizationName(),
                        HASH,
                        T1,
                        expected.actor(),
                        expected.source(),
                        expected.requestId(),
                        expected.signerOpening(),
                        null,
                        EndorsementVisibility.DEFAULT,
                        null,
                        null,
                        TRANSLATION_HASH));
    }

    @Test
    void aSignerWhoReadATextOfNoVersionInForceIsToldWhichVersionIs() {
        fixture.givenNoPriorActivity()
                .when(endorseHaving(TRANSLATION_HASH, T1), by(ORG_KEY))
                .expectException(violation("stale-content-hash", Map.of("currentContentHash", HASH)))
                .expectNoEvents();
    }

    @Test
    void anOrganizationThatSignedAnEarlierVersionReconfirmsTheVersionInForce() {
        amendStatement();
        fixture.given(added(T1))
                .when(endorse(EndorsementSource.API, T2), by(ORG_KEY))
                .expectEvents(new EndorsementReconfirmed(
                        STATEMENT,
                        ORG,
                        HASH_V2,
                        HASH_V2,
                        HASH,
                        T2,
                        "credential:cred-1",
                        "req-1",
                        null,
                        AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .expectResultMessagePayload(new EndorsementOutcome(true, 1));
    }

    @Test
    void anAdminRecordingAnImportAgainAfterAnAmendmentReconfirmsNothing() {
        amendStatement();
        fixture.given(added(T1))
                .when(new EndorseStatementCommand(ID, EndorsementSource.IMPORTED, 9, "req-1", T2), by(Caller.ADMIN))
                .expectNoEvents()
                .expectResultMessagePayload(new EndorsementOutcome(false, 0));
    }

    @Test
    void aReconfirmedEndorsementEndorsedAgainAddsNoEvent() {
        amendStatement();
        fixture.given(
                        added(T1),
                        new EndorsementReconfirmed(
                                STATEMENT,
                                ORG,
                                HASH_V2,
                                HASH_V2,
                                HASH,
                                T2,
                                "credential:cred-1",
                                "req-1",
                                null,
                                AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .when(endorse(EndorsementSource.API, T2), by(ORG_KEY))
                .expectNoEvents()
                .expectResultMessagePayload(new EndorsementOutcome(false, 1));
    }

    @Test
    void anEndorsementOfAnEarlierVersionIsNotReconfirmedOnAClosedStatement() {
        amendStatement();
        rules.statementClosed = true;
        fixture.given(added(T1))
                .when(endorse(EndorsementSource.API, T2), by(ORG_KEY))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("statement is closed");
    }

    @Test
    void aWithdrawnEndorsementOfAnEarlierVersionEndorsesTheVersionInForceAfresh() {
        amendStatement();
        EndorsementAdded expected = added(T2);
        fixture.given(added(T1), withdrawn(T1))
                .when(endorse(EndorsementSource.API, T2), by(ORG_KEY))
                .expectEvents(new EndorsementAdded(
                        STATEMENT,
                        ORG,
                        expected.organizationName(),
                        HASH_V2,
                        T2,
                        expected.actor(),
                        expected.source(),
                        expected.requestId(),
                        OPENING,
                        null,
                        EndorsementVisibility.DEFAULT,
                        null,
                        null,
                        null));
    }
}
