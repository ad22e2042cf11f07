package org.endorsements.command.endorsement;

import java.time.Instant;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.events.ApiCredentialIssued;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Caller;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.KeyHistoryCommitment;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endorsement, re-confirmation, withdrawal and reinstatement records the organization's key-history
 * commitment as the registry holds it in the same transaction, which its log leaf then commits to.
 */
class EndorsementKeyHistoryTest {

    private static final StatementId STATEMENT = StatementId.of("icc-statement");
    private static final OrganizationId ORG = OrganizationId.of("acceso-a-la-justicia");
    private static final EndorsementId ID = new EndorsementId(STATEMENT, ORG);
    private static final String HASH = "a".repeat(64);
    private static final String HASH_V2 = "d".repeat(64);
    private static final String OPENING = "0f".repeat(32);
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Caller ORG_KEY = Caller.organization(ORG, "cred-1");
    private static final KeyHistoryCommitment KEYS = KeyHistoryCommitment.EMPTY.next(new ApiCredentialIssued(
            ORG, "cred-1", "cd".repeat(32), T1, "admin", AssuranceLevel.ORGANIZATION_CREDENTIAL));

    private FixtureConfiguration<Endorsement> fixture;
    private EndorsementTest.StubRules rules;
    private StubAssuranceRules assurances;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Endorsement.class);
        rules = new EndorsementTest.StubRules();
        fixture.registerInjectableResource(rules);
        fixture.registerInjectableResource((SignerOpenings) () -> OPENING);
        assurances = new StubAssuranceRules(HASH);
        assurances.keyHistory = KEYS;
        fixture.registerInjectableResource(assurances);
    }

    private static Map<String, Object> by(Caller caller) {
        return Map.of(CallerMetaData.KEY, caller);
    }

    private static EndorsementAdded added(KeyHistoryCommitment keys) {
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
                AssuranceLevel.ORGANIZATION_CREDENTIAL,
                HASH,
                keys);
    }

    @Test
    void anEndorsementRecordsTheOrganizationsKeyHistoryCommitment() {
        fixture.givenNoPriorActivity()
                .when(new EndorseStatementCommand(ID, EndorsementSource.API, null, "req-1", T1), by(ORG_KEY))
                .expectEvents(added(KEYS));
    }

    @Test
    void anEndorsementOfAnOrganizationTheRegistryHasNoCommitmentForRecordsNone() {
        assurances.keyHistory = null;

        fixture.givenNoPriorActivity()
                .when(new EndorseStatementCommand(ID, EndorsementSource.API, null, "req-1", T1), by(ORG_KEY))
                .expectEvents(added(null));
    }

    @Test
    void aReconfirmationRecordsTheCommitmentOfItsOwnMomentNotTheEndorsements() {
        KeyHistoryCommitment later = KEYS.next(new ApiCredentialIssued(
                ORG, "cred-2", "ef".repeat(32), T2, "credential:cred-1", AssuranceLevel.ORGANIZATION_CREDENTIAL));
        rules.versionInForce = HASH_V2;
        assurances.contentHash = HASH_V2;
        assurances.keyHistory = later;

        fixture.given(added(KEYS))
                .when(new EndorseStatementCommand(ID, EndorsementSource.API, null, "req-2", T2), by(ORG_KEY))
                .expectEvents(new EndorsementReconfirmed(
                        STATEMENT,
                        ORG,
                        HASH_V2,
                        HASH_V2,
                        HASH,
                        T2,
                        "credential:cred-1",
                        "req-2",
                        null,
                        AssuranceLevel.ORGANIZATION_CREDENTIAL,
                        later));
    }

    @Test
    void aWithdrawalRecordsTheOrganizationsKeyHistoryCommitment() {
        fixture.given(added(KEYS))
                .when(new WithdrawEndorsementCommand(ID, null, "req-2", T2), by(ORG_KEY))
                .expectEvents(new EndorsementWithdrawn(
                        STATEMENT,
                        ORG,
                        null,
                        T2,
                        "credential:cred-1",
                        "req-2",
                        null,
                        AssuranceLevel.ORGANIZATION_CREDENTIAL,
                        KEYS));
    }

    @Test
    void aReinstatementRecordsTheOrganizationsKeyHistoryCommitment() {
        fixture.given(
                        added(KEYS),
                        new EndorsementInvalidated(
                                STATEMENT, ORG, InvalidationCategory.FORGED, "forged", T1, "admin", "req-2"))
                .when(new ReinstateEndorsementCommand(ID, "confirmed", "req-3", T2), by(Caller.ADMIN))
                .expectEvents(new EndorsementReinstated(
                        STATEMENT,
                        ORG,
                        "confirmed",
                        T2,
                        "admin",
                        "req-3",
                        AssuranceLevel.ADMIN_ISSUED_CREDENTIAL,
                        KEYS));
    }
}
