package org.endorsements.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyHistoryTest {

    private static final OrganizationId ORG = OrganizationId.of("provea");
    private static final StatementId STATEMENT = StatementId.of("icc");
    private static final String HASH = "ab".repeat(32);
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-01T11:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-01T12:00:00Z");
    private static final SigningKeyId K1 = SigningKeyId.of("k1");
    private static final String NONCE = "0123456789abcdef";

    private KeyPair k1;
    private SigningKeyRegistered registered;

    @BeforeEach
    void aFirstKeyCertifiedByItself() throws Exception {
        k1 = SignedMessagesTest.keyPair();
        String publicKey = Ed25519.encode(k1.getPublic());
        byte[] message = SignedMessages.keyCertification(ORG, K1, publicKey, K1, T1, NONCE);
        registered = new SigningKeyRegistered(
                ORG,
                K1,
                publicKey,
                T1,
                "credential:c1",
                new KeyCertification(K1, T1, NONCE, SignedMessagesTest.sign(k1, message)),
                null,
                AssuranceLevel.ORGANIZATION_KEY);
    }

    private ActionSignature endorsement(Instant at) throws Exception {
        byte[] message = SignedMessages.action(SignedMessages.Action.ENDORSE, STATEMENT, HASH, ORG, at, NONCE);
        return new ActionSignature(K1, HASH, at, NONCE, SignedMessagesTest.sign(k1, message));
    }

    @Test
    void aSignatureByAKeyCurrentWhenItWasRecordedVerifies() throws Exception {
        KeyHistory history = new KeyHistory(ORG).apply(registered);

        assertThat(history.check(endorsement(T2), SignedMessages.Action.ENDORSE, STATEMENT, T2))
                .isEmpty();
        assertThat(history.problems()).isEmpty();
    }

    @Test
    void aSignatureRecordedBeforeItsKeysRegistrationFails() throws Exception {
        KeyHistory history = new KeyHistory(ORG).apply(registered);

        assertThat(history.check(endorsement(T1), SignedMessages.Action.ENDORSE, STATEMENT, T1.minusSeconds(1)))
                .isPresent();
    }

    @Test
    void aSignatureRecordedAfterItsKeysRevocationFails() throws Exception {
        KeyHistory history =
                new KeyHistory(ORG).apply(registered).apply(new SigningKeyRevoked(ORG, K1, null, T2, "admin"));

        assertThat(history.check(endorsement(T3), SignedMessages.Action.ENDORSE, STATEMENT, T3))
                .isPresent();
    }

    @Test
    void aKeyWhoseCertificationDoesNotVerifyIsAProblem() throws Exception {
        SigningKeyRegistered forged = new SigningKeyRegistered(
                ORG,
                K1,
                Ed25519.encode(SignedMessagesTest.keyPair().getPublic()),
                T1,
                "credential:c1",
                registered.certification(),
                null,
                AssuranceLevel.ORGANIZATION_KEY);

        assertThat(new KeyHistory(ORG).apply(forged).problems()).hasSize(1);
    }

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final SigningKeyId K2 = SigningKeyId.of("k2");
    private static final SigningKeyId K3 = SigningKeyId.of("k3");

    private static ApiCredentialIssued credential(String id, String issuedBy, AssuranceLevel level) {
        return new ApiCredentialIssued(ORG, id, "cd".repeat(32), T0, issuedBy, level);
    }

    private static SigningKeyRegistered recovery(SigningKeyId keyId, KeyPair keys, Instant at) {
        return new SigningKeyRegistered(
                ORG,
                keyId,
                Ed25519.encode(keys.getPublic()),
                at,
                "admin",
                null,
                "lost its keys",
                AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
    }

    /** A key certified by {@code signer}, recorded with the level given (which the history must not believe). */
    private static SigningKeyRegistered certified(
            SigningKeyId keyId, KeyPair keys, SigningKeyId signerId, KeyPair signer, Instant at, AssuranceLevel level)
            throws Exception {
        String publicKey = Ed25519.encode(keys.getPublic());
        byte[] message = SignedMessages.keyCertification(ORG, keyId, publicKey, signerId, at, NONCE);
        return new SigningKeyRegistered(
                ORG,
                keyId,
                publicKey,
                at,
                "credential:c2",
                new KeyCertification(signerId, at, NONCE, SignedMessagesTest.sign(signer, message)),
                null,
                level);
    }

    @Test
    void aFirstKeyRegisteredWithAnApiKeyTheOrganizationRotatedItselfSignsAtOrganizationKey() {
        KeyHistory history = new KeyHistory(ORG)
                .apply(credential("c0", "admin", AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .apply(new ApiCredentialRevoked(ORG, "c0", T0, "credential:c0"))
                .apply(credential("c1", "credential:c0", AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .apply(registered);

        assertThat(history.keyLevel(K1).level()).isEqualTo(AssuranceLevel.ORGANIZATION_KEY);
    }

    @Test
    void aFirstKeyRegisteredWithAnApiKeyAnAdminIssuedSignsAtAdminIssuedCredentialWhateverItsRegistrationSays() {
        KeyHistory history = new KeyHistory(ORG)
                .apply(credential("c1", "admin", AssuranceLevel.ADMIN_ISSUED_CREDENTIAL))
                .apply(registered);

        assertThat(history.keyLevel(K1).level()).isEqualTo(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
    }

    @Test
    void aFirstKeyRegisteredWithTheApiKeyHandedOverAtRegistrationSignsAtAdminIssuedCredential() {
        KeyHistory history = new KeyHistory(ORG)
                .apply(credential("c1", "admin", AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .apply(registered);

        assertThat(history.keyLevel(K1).level()).isEqualTo(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
    }

    @Test
    void aRecoveredKeySignsAtAdminIssuedCredential() throws Exception {
        KeyPair recovered = SignedMessagesTest.keyPair();
        KeyHistory history = new KeyHistory(ORG)
                .apply(registered)
                .apply(new SigningKeyRevoked(ORG, K1, "lost", T2, "admin"))
                .apply(recovery(K2, recovered, T2));

        assertThat(history.keyLevel(K2).level()).isEqualTo(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
    }

    @Test
    void aKeyCertifiedByARecoveredKeySignsAtAdminIssuedCredentialEvenWhenRegisteredAsOrganizationKey()
            throws Exception {
        KeyPair recovered = SignedMessagesTest.keyPair();
        KeyPair next = SignedMessagesTest.keyPair();
        KeyHistory history = new KeyHistory(ORG)
                .apply(recovery(K2, recovered, T1))
                .apply(certified(K3, next, K2, recovered, T2, AssuranceLevel.ORGANIZATION_KEY));

        assertThat(history.keyLevel(K3).level()).isEqualTo(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
        assertThat(history.keyLevel(K3).why()).contains("k2 is an admin recovery");
    }

    /** The history of an organization that rotated the API key handed over to it, and registered its first key. */
    private KeyHistory rotatedThenRegistered() {
        return new KeyHistory(ORG)
                .apply(credential("c0", "admin", AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .apply(new ApiCredentialRevoked(ORG, "c0", T0, "credential:c0"))
                .apply(credential("c1", "credential:c0", AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .apply(registered);
    }

    @Test
    void aFirstKeyRegisteredWithAnApiKeyTheHistoryDoesNotShowSignsAtTheWeakestLevel() {
        KeyHistory history = new KeyHistory(ORG)
                .apply(credential("c0", "admin", AssuranceLevel.ORGANIZATION_CREDENTIAL))
                .apply(registered);

        assertThat(history.keyLevel(K1).level()).isEqualTo(AssuranceLevel.IMPORTED);
        assertThat(history.keyLevel(K1).why()).contains("c1, which the history does not show");
    }

    @Test
    void aFirstKeyInAHistoryWithNoCredentialEventsSignsAtTheWeakestLevel() {
        KeyHistory history = new KeyHistory(ORG).apply(registered);

        assertThat(history.keyLevel(K1).level()).isEqualTo(AssuranceLevel.IMPORTED);
    }

    @Test
    void aKeyIsNeverStrongerThanItsRegistrationRecords() throws Exception {
        KeyPair next = SignedMessagesTest.keyPair();
        KeyHistory history =
                rotatedThenRegistered().apply(certified(K2, next, K1, k1, T2, AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));

        assertThat(history.keyLevel(K2).level()).isEqualTo(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
    }

    @Test
    void anOrganizationKeyClaimOnARecoveredKeysSignatureIsRefuted() throws Exception {
        KeyHistory history = new KeyHistory(ORG).apply(recovery(K2, SignedMessagesTest.keyPair(), T1));
        ActionSignature signature = new ActionSignature(K2, HASH, T2, NONCE, "A".repeat(86) + "==");

        assertThat(history.derive(signature, "credential:c1", false, T2).refute(AssuranceLevel.ORGANIZATION_KEY))
                .hasValueSatisfying(why -> assertThat(why).contains("at most admin-issued-credential"));
        assertThat(history.derive(signature, "credential:c1", false, T2).refute(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL))
                .isEmpty();
    }

    @Test
    void anUnsignedEventNeverProvesTheOrganizationsKey() {
        KeyHistory history = new KeyHistory(ORG).apply(registered);

        assertThat(history.derive(null, "credential:c1", false, T2).level())
                .isEqualTo(AssuranceLevel.ORGANIZATION_CREDENTIAL);
        assertThat(history.derive(null, "admin", false, T2).level()).isEqualTo(AssuranceLevel.IMPORTED);
        assertThat(history.derive(null, null, true, T2).level()).isEqualTo(AssuranceLevel.IMPORTED);
    }

    @Test
    void anUnsignedEventMadeWithAnAdminIssuedApiKeyProvesNoMoreThanThatKey() {
        KeyHistory history =
                new KeyHistory(ORG).apply(credential("c9", "admin", AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));

        assertThat(history.derive(null, "credential:c9", false, T2).level())
                .isEqualTo(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
    }

    @Test
    void aSignatureMadeMoreThanTheWindowBeforeItWasRecordedFails() throws Exception {
        KeyHistory history = new KeyHistory(ORG).apply(registered);

        assertThat(history.check(endorsement(T2), SignedMessages.Action.ENDORSE, STATEMENT, T2.plusSeconds(400)))
                .hasValueSatisfying(why -> assertThat(why).contains("more than 5 minutes"));
    }

    @Test
    void aSignatureDatedAfterItWasRecordedBeyondTheWindowFails() throws Exception {
        KeyHistory history = new KeyHistory(ORG).apply(registered);

        assertThat(history.check(endorsement(T3), SignedMessages.Action.ENDORSE, STATEMENT, T3.minusSeconds(301)))
                .isPresent();
    }

    @Test
    void aCertificationMadeOutsideTheWindowOfItsRegistrationIsAProblem() throws Exception {
        KeyPair next = SignedMessagesTest.keyPair();
        SigningKeyRegistered late = certified(K2, next, K1, k1, T2, AssuranceLevel.ORGANIZATION_KEY);
        SigningKeyRegistered recordedLater = new SigningKeyRegistered(
                ORG,
                K2,
                late.publicKey(),
                T3,
                late.registeredBy(),
                late.certification(),
                null,
                AssuranceLevel.ORGANIZATION_KEY);

        assertThat(new KeyHistory(ORG).apply(registered).apply(recordedLater).problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem).contains("more than 5 minutes"));
    }

    @Test
    void aKeysFirstKeyIsTheSelfCertifiedKeyItsCertificationsLeadTo() throws Exception {
        KeyPair k2 = SignedMessagesTest.keyPair();
        KeyPair k3 = SignedMessagesTest.keyPair();
        KeyHistory history = new KeyHistory(ORG)
                .apply(registered)
                .apply(certified(K2, k2, K1, k1, T2, AssuranceLevel.ORGANIZATION_KEY))
                .apply(certified(K3, k3, K2, k2, T3, AssuranceLevel.ORGANIZATION_KEY));

        assertThat(history.firstKey(K3)).contains(registered);
    }

    @Test
    void aKeyCertifiedThroughARecoveryHasNoFirstKey() throws Exception {
        KeyPair recovered = SignedMessagesTest.keyPair();
        KeyPair next = SignedMessagesTest.keyPair();
        KeyHistory history = new KeyHistory(ORG)
                .apply(recovery(K2, recovered, T1))
                .apply(certified(K3, next, K2, recovered, T2, AssuranceLevel.ORGANIZATION_KEY));

        assertThat(history.firstKey(K3)).isEmpty();
    }

    @Test
    void anotherOrganizationsPinIsNotThePinInForce() {
        SigningKeyPinned ours = new SigningKeyPinned(ORG, "ab".repeat(32), "https://provea.org/key", T1, "admin");
        KeyHistory history = new KeyHistory(ORG)
                .apply(ours)
                .apply(new SigningKeyPinned(
                        OrganizationId.of("codhez"), "cd".repeat(32), "https://codhez.example", T2, "admin"));

        assertThat(history.pin()).contains(ours);
    }
}
