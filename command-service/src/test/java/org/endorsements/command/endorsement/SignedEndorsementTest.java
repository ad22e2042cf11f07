package org.endorsements.command.endorsement;

import static org.endorsements.command.support.Violations.violation;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Caller;
import org.endorsements.events.Ed25519;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.InvalidatedEndorsementWithdrawn;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.StatementId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of signed endorsements and withdrawals, on the aggregate with real Ed25519 keys. */
class SignedEndorsementTest {

    private static final StatementId STATEMENT = StatementId.of("icc-statement");
    private static final OrganizationId ORG = OrganizationId.of("acceso-a-la-justicia");
    private static final EndorsementId ID = new EndorsementId(STATEMENT, ORG);
    private static final String HASH = "a".repeat(64);
    private static final String OPENING = "0f".repeat(32);
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final Caller ORG_KEY = Caller.organization(ORG, "cred-1");
    private static final SigningKeyId K1 = SigningKeyId.of("k1");
    private static final String NONCE = "nonce-0123456789";

    private FixtureConfiguration<Endorsement> fixture;
    private StubAssuranceRules assurances;
    private KeyPair k1;

    @BeforeEach
    void setUp() throws GeneralSecurityException {
        fixture = new AggregateTestFixture<>(Endorsement.class);
        fixture.registerInjectableResource(new EndorsementTest.StubRules());
        fixture.registerInjectableResource((SignerOpenings) () -> OPENING);
        assurances = new StubAssuranceRules(HASH);
        fixture.registerInjectableResource(assurances);
        k1 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assurances.currentKeys.put(
                K1, new AssuranceRules.SigningKey(Ed25519.encode(k1.getPublic()), AssuranceLevel.ORGANIZATION_KEY));
    }

    static String sign(KeyPair keys, byte[] message) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(message);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private ActionSignature signed(
            KeyPair keys, SignedMessages.Action action, String hash, Instant signedAt, String nonce)
            throws GeneralSecurityException {
        byte[] message = SignedMessages.action(action, STATEMENT, hash, ORG, signedAt, nonce);
        return new ActionSignature(K1, hash, signedAt, nonce, sign(keys, message));
    }

    private ActionSignature endorsement(Instant signedAt, String nonce) throws GeneralSecurityException {
        return signed(k1, SignedMessages.Action.ENDORSE, HASH, signedAt, nonce);
    }

    private static EndorseStatementCommand endorse(ActionSignature signature) {
        return new EndorseStatementCommand(ID, EndorsementSource.API, null, "req-1", NOW, signature);
    }

    private static Map<String, Object> by(Caller caller) {
        return Map.of(CallerMetaData.KEY, caller);
    }

    private static EndorsementAdded added(ActionSignature signature, AssuranceLevel assurance) {
        return new EndorsementAdded(
                STATEMENT,
                ORG,
                "Acceso a la Justicia",
                HASH,
                NOW,
                "credential:cred-1",
                EndorsementSource.API,
                "req-1",
                OPENING,
                null,
                EndorsementVisibility.DEFAULT,
                signature,
                assurance,
                null);
    }

    @Test
    void aValidSignatureByACurrentKeyIsRecordedAsOrganizationKey() throws Exception {
        ActionSignature signature = endorsement(NOW.minusSeconds(30), NONCE);

        fixture.givenNoPriorActivity()
                .when(endorse(signature), by(ORG_KEY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(added(signature, AssuranceLevel.ORGANIZATION_KEY));
    }

    @Test
    void aSignedEndorsementThatAsksToBeCountedRecordsBothItsVisibilityAndItsSignature() throws Exception {
        ActionSignature signature = endorsement(NOW, NONCE);

        fixture.givenNoPriorActivity()
                .when(
                        new EndorseStatementCommand(
                                ID,
                                EndorsementSource.API,
                                null,
                                "req-1",
                                NOW,
                                EndorsementVisibility.COUNTED,
                                signature,
                                null),
                        by(ORG_KEY))
                .expectEvents(new EndorsementAdded(
                        STATEMENT,
                        ORG,
                        "Acceso a la Justicia",
                        HASH,
                        NOW,
                        "credential:cred-1",
                        EndorsementSource.API,
                        "req-1",
                        OPENING,
                        null,
                        EndorsementVisibility.COUNTED,
                        signature,
                        AssuranceLevel.ORGANIZATION_KEY,
                        null));
    }

    @Test
    void aSignatureByAKeyAnAdminRegisteredReadsAdminIssuedCredential() throws Exception {
        assurances.currentKeys.put(
                K1,
                new AssuranceRules.SigningKey(Ed25519.encode(k1.getPublic()), AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));
        ActionSignature signature = endorsement(NOW, NONCE);

        fixture.givenNoPriorActivity()
                .when(endorse(signature), by(ORG_KEY))
                .expectEvents(added(signature, AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));
    }

    @Test
    void aSignatureMadeWithAnotherKeyThanTheOneItNamesIsRefused() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        fixture.givenNoPriorActivity()
                .when(endorse(signed(other, SignedMessages.Action.ENDORSE, HASH, NOW, NONCE)), by(ORG_KEY))
                .expectException(violation("bad-signature"))
                .expectNoEvents();
    }

    @Test
    void aSignatureByARevokedOrUnknownKeyIsRefused() throws Exception {
        assurances.currentKeys.clear();

        fixture.givenNoPriorActivity()
                .when(endorse(endorsement(NOW, NONCE)), by(ORG_KEY))
                .expectException(violation("unknown-signing-key"))
                .expectNoEvents();
    }

    @Test
    void aSignatureOverAStaleContentHashIsAConflictNamingTheCurrentHash() throws Exception {
        String stale = "b".repeat(64);

        fixture.givenNoPriorActivity()
                .when(endorse(signed(k1, SignedMessages.Action.ENDORSE, stale, NOW, NONCE)), by(ORG_KEY))
                .expectException(violation("stale-content-hash", Map.of("currentContentHash", HASH)))
                .expectNoEvents();
    }

    @Test
    void aSignatureOverATranslationOfTheVersionInForceIsRecordedAsTheTextTheSignerRead() throws Exception {
        String translation = "c".repeat(64);
        assurances.versionOfText.put(translation, HASH);
        ActionSignature signature = signed(k1, SignedMessages.Action.ENDORSE, translation, NOW, NONCE);
        EndorsementAdded expected = added(signature, AssuranceLevel.ORGANIZATION_KEY);

        fixture.givenNoPriorActivity()
                .when(endorse(signature), by(ORG_KEY))
                .expectEvents(new EndorsementAdded(
                        STATEMENT,
                        ORG,
                        expected.organizationName(),
                        HASH,
                        NOW,
                        expected.actor(),
                        EndorsementSource.API,
                        "req-1",
                        OPENING,
                        null,
                        EndorsementVisibility.DEFAULT,
                        signature,
                        AssuranceLevel.ORGANIZATION_KEY,
                        translation));
    }

    @Test
    void aRequestThatNamesAnotherTextThanItsSignatureIsRefused() throws Exception {
        ActionSignature signature = endorsement(NOW, NONCE);

        fixture.givenNoPriorActivity()
                .when(
                        new EndorseStatementCommand(
                                ID, EndorsementSource.API, null, "req-1", NOW, null, signature, "c".repeat(64)),
                        by(ORG_KEY))
                .expectException(violation("content-hash-differs"))
                .expectNoEvents();
    }

    @Test
    void aSignatureMoreThanFiveMinutesOldIsRefused() throws Exception {
        fixture.givenNoPriorActivity()
                .when(endorse(endorsement(NOW.minusSeconds(301), NONCE)), by(ORG_KEY))
                .expectException(violation("signing-time-outside-window"))
                .expectNoEvents();
    }

    @Test
    void aSignatureDatedMoreThanFiveMinutesAheadIsRefused() throws Exception {
        fixture.givenNoPriorActivity()
                .when(endorse(endorsement(NOW.plusSeconds(301), NONCE)), by(ORG_KEY))
                .expectException(violation("signing-time-outside-window"))
                .expectNoEvents();
    }

    @Test
    void aSignatureAtTheEdgeOfTheWindowIsAccepted() throws Exception {
        ActionSignature signature = endorsement(NOW.plusSeconds(300), NONCE);

        fixture.givenNoPriorActivity()
                .when(endorse(signature), by(ORG_KEY))
                .expectEvents(added(signature, AssuranceLevel.ORGANIZATION_KEY));
    }

    @Test
    void aReplayedSignatureIsAConflictAfterAWithdrawal() throws Exception {
        ActionSignature first = endorsement(NOW.minusSeconds(60), NONCE);
        EndorsementWithdrawn withdrawn =
                new EndorsementWithdrawn(STATEMENT, ORG, null, NOW.minusSeconds(30), "credential:cred-1", "req-2");

        fixture.given(added(first, AssuranceLevel.ORGANIZATION_KEY), withdrawn)
                .when(endorse(first), by(ORG_KEY))
                .expectException(violation("replayed-signature"))
                .expectNoEvents();
    }

    @Test
    void aBadSignatureOnAnEndorsementAlreadyCurrentIsRefused() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        fixture.given(added(null, AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .when(endorse(signed(other, SignedMessages.Action.ENDORSE, HASH, NOW, NONCE)), by(ORG_KEY))
                .expectException(violation("bad-signature"))
                .expectNoEvents();
    }

    @Test
    void aSignatureByAnUnknownKeyOnAnEndorsementAlreadyCurrentIsRefused() throws Exception {
        ActionSignature signature = endorsement(NOW, NONCE);
        assurances.currentKeys.clear();

        fixture.given(added(null, AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .when(endorse(signature), by(ORG_KEY))
                .expectException(violation("unknown-signing-key"))
                .expectNoEvents();
    }

    @Test
    void anExpiredSignatureOnAnEndorsementAlreadyCurrentIsRefused() throws Exception {
        fixture.given(added(null, AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .when(endorse(endorsement(NOW.minus(Duration.ofMinutes(6)), NONCE)), by(ORG_KEY))
                .expectException(violation("signing-time-outside-window"))
                .expectNoEvents();
    }

    @Test
    void aValidSignatureOnAnEndorsementAlreadyCurrentChangesNothing() throws Exception {
        fixture.given(added(null, AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .when(endorse(endorsement(NOW, NONCE)), by(ORG_KEY))
                .expectNoEvents()
                .expectResultMessagePayload(new EndorsementOutcome(false, 0));
    }

    @Test
    void aRetryOfTheSignedRequestThatMadeTheEndorsementChangesNothing() throws Exception {
        ActionSignature signature = endorsement(NOW, NONCE);

        fixture.given(added(signature, AssuranceLevel.ORGANIZATION_KEY))
                .when(endorse(signature), by(ORG_KEY))
                .expectNoEvents()
                .expectResultMessagePayload(new EndorsementOutcome(false, 0));
    }

    @Test
    void aSignedWithdrawalOfAnInvalidatedEndorsementIsRecordedWithItsSignature() throws Exception {
        ActionSignature signature = signed(k1, SignedMessages.Action.WITHDRAW, HASH, NOW, "nonce-withdrawal-1");
        EndorsementInvalidated invalidated = new EndorsementInvalidated(
                STATEMENT, ORG, InvalidationCategory.FORGED, "not signed by them", NOW, "admin", "req-2");

        fixture.given(added(null, AssuranceLevel.ORGANIZATION_CREDENTIAL), invalidated)
                .when(new WithdrawEndorsementCommand(ID, null, "req-3", NOW, signature), by(ORG_KEY))
                .expectEvents(new InvalidatedEndorsementWithdrawn(
                        STATEMENT,
                        ORG,
                        null,
                        NOW,
                        "credential:cred-1",
                        "req-3",
                        signature,
                        AssuranceLevel.ORGANIZATION_KEY));
    }

    @Test
    void aBadSignatureOnTheWithdrawalOfAnInvalidatedEndorsementIsRefused() throws Exception {
        EndorsementInvalidated invalidated = new EndorsementInvalidated(
                STATEMENT, ORG, InvalidationCategory.FORGED, "not signed by them", NOW, "admin", "req-2");

        fixture.given(added(null, AssuranceLevel.ORGANIZATION_CREDENTIAL), invalidated)
                .when(new WithdrawEndorsementCommand(ID, null, "req-3", NOW, endorsement(NOW, NONCE)), by(ORG_KEY))
                .expectException(violation("bad-signature"))
                .expectNoEvents();
    }

    @Test
    void aStatementThatRequiresSignaturesRefusesAnUnsignedEndorsement() {
        assurances.signaturesRequired = true;

        fixture.givenNoPriorActivity()
                .when(endorse(null), by(ORG_KEY))
                .expectException(violation("signature-required"))
                .expectNoEvents();
    }

    @Test
    void aStatementThatRequiresSignaturesRefusesAnUnsignedImport() {
        assurances.signaturesRequired = true;

        fixture.givenNoPriorActivity()
                .when(new EndorseStatementCommand(ID, EndorsementSource.IMPORTED, 3, "req-1", NOW), by(Caller.ADMIN))
                .expectException(violation("signature-required"))
                .expectNoEvents();
    }

    @Test
    void aStatementThatRequiresSignaturesAcceptsASignedEndorsement() throws Exception {
        assurances.signaturesRequired = true;
        ActionSignature signature = endorsement(NOW, NONCE);

        fixture.givenNoPriorActivity()
                .when(endorse(signature), by(ORG_KEY))
                .expectEvents(added(signature, AssuranceLevel.ORGANIZATION_KEY));
    }

    @Test
    void anAdminCannotSendASignature() throws Exception {
        fixture.givenNoPriorActivity()
                .when(
                        new EndorseStatementCommand(
                                ID, EndorsementSource.IMPORTED, null, "req-1", NOW, endorsement(NOW, NONCE)),
                        by(Caller.ADMIN))
                .expectException(violation("signature-for-organizations-only"))
                .expectNoEvents();
    }

    @Test
    void aSignedWithdrawalIsRecordedWithItsSignature() throws Exception {
        ActionSignature signature = signed(k1, SignedMessages.Action.WITHDRAW, HASH, NOW, "nonce-withdrawal-1");

        fixture.given(added(null, AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .when(new WithdrawEndorsementCommand(ID, null, "req-2", NOW, signature), by(ORG_KEY))
                .expectEvents(new EndorsementWithdrawn(
                        STATEMENT,
                        ORG,
                        null,
                        NOW,
                        "credential:cred-1",
                        "req-2",
                        signature,
                        AssuranceLevel.ORGANIZATION_KEY));
    }

    @Test
    void anEndorsementsSignatureDoesNotWithdraw() throws Exception {
        fixture.given(added(null, AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .when(new WithdrawEndorsementCommand(ID, null, "req-2", NOW, endorsement(NOW, NONCE)), by(ORG_KEY))
                .expectException(violation("bad-signature"))
                .expectNoEvents();
    }

    @Test
    void anUnsignedWithdrawalIsAcceptedEvenWhereSignaturesAreRequired() {
        assurances.signaturesRequired = true;

        fixture.given(added(null, AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .when(new WithdrawEndorsementCommand(ID, null, "req-2", NOW), by(ORG_KEY))
                .expectEvents(new EndorsementWithdrawn(STATEMENT, ORG, null, NOW, "credential:cred-1", "req-2"));
    }

    /** A version 2 signature: over the endorsement message that names the visibility. */
    private ActionSignature endorsementNaming(EndorsementVisibility visibility) throws GeneralSecurityException {
        byte[] message = SignedMessages.endorsement(STATEMENT, HASH, ORG, visibility, NOW, NONCE);
        return new ActionSignature(K1, HASH, NOW, NONCE, sign(k1, message), visibility);
    }

    private static EndorsementAdded addedAs(EndorsementVisibility visibility, ActionSignature signature) {
        return new EndorsementAdded(
                STATEMENT,
                ORG,
                "Acceso a la Justicia",
                HASH,
                NOW,
                "credential:cred-1",
                EndorsementSource.API,
                "req-1",
                OPENING,
                null,
                visibility,
                signature,
                AssuranceLevel.ORGANIZATION_KEY,
                null);
    }

    @Test
    void aVersionTwoSignatureThatAsksToBeCountedIsRecordedCountedWithoutTheRequestNamingIt() throws Exception {
        ActionSignature signature = endorsementNaming(EndorsementVisibility.COUNTED);

        fixture.givenNoPriorActivity()
                .when(endorse(signature), by(ORG_KEY))
                .expectEvents(addedAs(EndorsementVisibility.COUNTED, signature));
    }

    @Test
    void aVersionTwoSignatureOverCountedIsRefusedForARequestThatAsksForPublic() throws Exception {
        ActionSignature signature = endorsementNaming(EndorsementVisibility.COUNTED);

        fixture.givenNoPriorActivity()
                .when(
                        new EndorseStatementCommand(
                                ID,
                                EndorsementSource.API,
                                null,
                                "req-1",
                                NOW,
                                EndorsementVisibility.PUBLIC,
                                signature,
                                null),
                        by(ORG_KEY))
                .expectNoEvents()
                .expectException(violation("visibility-differs-from-signature"));
    }

    @Test
    void aVersionTwoSignatureOverCountedPresentedAsPublicDoesNotVerify() throws Exception {
        ActionSignature counted = endorsementNaming(EndorsementVisibility.COUNTED);
        ActionSignature relabelled =
                new ActionSignature(K1, HASH, NOW, NONCE, counted.value(), EndorsementVisibility.PUBLIC);

        fixture.givenNoPriorActivity()
                .when(endorse(relabelled), by(ORG_KEY))
                .expectNoEvents()
                .expectException(violation("bad-signature"));
    }

    @Test
    void aVersionTwoSignatureOverPublicIsRecordedPublic() throws Exception {
        ActionSignature signature = endorsementNaming(EndorsementVisibility.PUBLIC);

        fixture.givenNoPriorActivity()
                .when(endorse(signature), by(ORG_KEY))
                .expectEvents(addedAs(EndorsementVisibility.PUBLIC, signature));
    }
}
