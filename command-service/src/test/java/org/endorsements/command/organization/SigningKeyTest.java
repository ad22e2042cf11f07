package org.endorsements.command.organization;

import static org.endorsements.command.support.Violations.violation;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Caller;
import org.endorsements.events.Ed25519;
import org.endorsements.events.KeyCertification;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.OrganizationSuspended;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.SigningKeyRegistered;
import org.endorsements.events.SigningKeyRevoked;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of an organization's signing keys and of the credentials that can register its first one. */
class SigningKeyTest {

    private static final OrganizationId ID = OrganizationId.of("medicos-unidos");
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final String HASH_1 = "1".repeat(64);
    private static final String HASH_2 = "2".repeat(64);
    private static final Caller SELF = Caller.organization(ID, "cred-1");
    private static final SigningKeyId K1 = SigningKeyId.of("k1");
    private static final SigningKeyId K2 = SigningKeyId.of("k2");

    private FixtureConfiguration<Organization> fixture;
    private KeyPair k1;
    private KeyPair k2;

    @BeforeEach
    void setUp() throws GeneralSecurityException {
        fixture = new AggregateTestFixture<>(Organization.class);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        k1 = generator.generateKeyPair();
        k2 = generator.generateKeyPair();
    }

    private static Map<String, Object> by(Caller caller) {
        return Map.of(CallerMetaData.KEY, caller);
    }

    private static OrganizationRegistered registered() {
        return new OrganizationRegistered(ID, "Médicos Unidos", "VE", null, null, null, T0, "admin");
    }

    private static CredentialIssued registrationCredential() {
        return new CredentialIssued(ID, "cred-1", HASH_1, T0, "admin", AssuranceLevel.ORGANIZATION_CREDENTIAL);
    }

    private static String pub(KeyPair keys) {
        return Ed25519.encode(keys.getPublic());
    }

    private static KeyCertification certify(
            KeyPair signer, SigningKeyId signerId, SigningKeyId keyId, KeyPair key, Instant at)
            throws GeneralSecurityException {
        String nonce = "nonce-" + keyId + "-0123456789";
        byte[] message = SignedMessages.keyCertification(ID, keyId, pub(key), signerId, at, nonce);
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(signer.getPrivate());
        signature.update(message);
        return new KeyCertification(signerId, at, nonce, Base64.getEncoder().encodeToString(signature.sign()));
    }

    private SigningKeyRegistered firstKey(KeyCertification certification) {
        return new SigningKeyRegistered(
                ID, K1, pub(k1), NOW, "credential:cred-1", certification, null, AssuranceLevel.ORGANIZATION_KEY);
    }

    @Test
    void anAdminWhoRotatesAnOrganizationsKeyIssuesAnAdminIssuedCredential() {
        fixture.given(registered(), registrationCredential())
                .when(new IssueCredentialCommand(ID, "cred-2", HASH_2, NOW), by(Caller.ADMIN))
                .expectEvents(
                        new CredentialRevoked(ID, "cred-1", NOW, "admin"),
                        new CredentialIssued(
                                ID, "cred-2", HASH_2, NOW, "admin", AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));
    }

    @Test
    void rotatingAnAdminIssuedKeyDoesNotMakeItTheOrganizationsOwn() {
        fixture.given(
                        registered(),
                        new CredentialIssued(ID, "cred-1", HASH_1, T0, "admin", AssuranceLevel.ADMIN_ISSUED_CREDENTIAL))
                .when(new IssueCredentialCommand(ID, "cred-2", HASH_2, NOW), by(SELF))
                .expectEvents(
                        new CredentialRevoked(ID, "cred-1", NOW, "credential:cred-1"),
                        new CredentialIssued(
                                ID,
                                "cred-2",
                                HASH_2,
                                NOW,
                                "credential:cred-1",
                                AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));
    }

    private static final Caller ROTATED_BY_ITSELF = Caller.organization(ID, "cred-2");

    /** The registration key rotated away by the organization itself: a key the admin never held. */
    private static Object[] rotatedByItself() {
        return new Object[] {
            registered(),
            registrationCredential(),
            new CredentialRevoked(ID, "cred-1", T0, "credential:cred-1"),
            new CredentialIssued(ID, "cred-2", HASH_2, T0, "credential:cred-1", AssuranceLevel.ORGANIZATION_CREDENTIAL)
        };
    }

    private static final String PUBLISHED_AT = "https://medicosunidos.example/keys";

    private static SigningKeyFingerprintPinned pinned(KeyPair keys) {
        return new SigningKeyFingerprintPinned(ID, Ed25519.fingerprint(pub(keys)), PUBLISHED_AT, T0, "admin");
    }

    private Object[] rotatedByItselfAndPinned(KeyPair keys) {
        Object[] rotated = rotatedByItself();
        Object[] given = java.util.Arrays.copyOf(rotated, rotated.length + 1);
        given[rotated.length] = pinned(keys);
        return given;
    }

    @Test
    void theFirstKeyCertifiedByItselfWithAKeyTheOrganizationRotatedItselfSignsAsOrganizationKeyWhenItIsThePinnedOne()
            throws Exception {
        KeyCertification certification = certify(k1, K1, K1, k1, NOW);

        fixture.given(rotatedByItselfAndPinned(k1))
                .when(new RegisterSigningKeyCommand(ID, K1, pub(k1), certification, null, NOW), by(ROTATED_BY_ITSELF))
                .expectEvents(new SigningKeyRegistered(
                        ID,
                        K1,
                        pub(k1),
                        NOW,
                        "credential:cred-2",
                        certification,
                        null,
                        AssuranceLevel.ORGANIZATION_KEY))
                .expectResultMessagePayload(new SigningKeyOutcome(true, 5));
    }

    /**
     * Whoever kept the handed-over key can rotate it "as the organization": with no pinned fingerprint to tell the
     * organization's first key from theirs, that key proves no more than the API key that registered it.
     */
    @Test
    void theFirstKeyRegisteredWithNoPinnedFingerprintSignsNoHigherThanTheOrganizationsCredential() throws Exception {
        KeyCertification certification = certify(k1, K1, K1, k1, NOW);

        fixture.given(rotatedByItself())
                .when(new RegisterSigningKeyCommand(ID, K1, pub(k1), certification, null, NOW), by(ROTATED_BY_ITSELF))
                .expectEvents(new SigningKeyRegistered(
                        ID,
                        K1,
                        pub(k1),
                        NOW,
                        "credential:cred-2",
                        certification,
                        null,
                        AssuranceLevel.ORGANIZATION_CREDENTIAL));
    }

    /** The admin's copy of the handed-over key, rotated "as the organization", cannot register a key of its own. */
    @Test
    void aFirstKeyThatIsNotThePinnedOneIsRefused() throws Exception {
        fixture.given(rotatedByItselfAndPinned(k1))
                .when(
                        new RegisterSigningKeyCommand(ID, K1, pub(k2), certify(k2, K1, K1, k2, NOW), null, NOW),
                        by(ROTATED_BY_ITSELF))
                .expectException(violation("signing-key-fingerprint-mismatch"))
                .expectNoEvents();
    }

    @Test
    void anAdminPinsTheFingerprintTheOrganizationPublished() {
        fixture.given(rotatedByItself())
                .when(
                        new PinSigningKeyFingerprintCommand(ID, Ed25519.fingerprint(pub(k1)), PUBLISHED_AT, T0),
                        by(Caller.ADMIN))
                .expectEvents(pinned(k1));
    }

    @Test
    void pinningTheFingerprintAlreadyPinnedChangesNothing() {
        fixture.given(rotatedByItselfAndPinned(k1))
                .when(
                        new PinSigningKeyFingerprintCommand(ID, Ed25519.fingerprint(pub(k1)), PUBLISHED_AT, NOW),
                        by(Caller.ADMIN))
                .expectNoEvents()
                .expectResultMessagePayload(new SigningKeyOutcome(false, 4));
    }

    @Test
    void anOrganizationCannotPinItsOwnFingerprint() {
        fixture.given(rotatedByItself())
                .when(
                        new PinSigningKeyFingerprintCommand(ID, Ed25519.fingerprint(pub(k1)), PUBLISHED_AT, NOW),
                        by(ROTATED_BY_ITSELF))
                .expectException(violation("admin-only"))
                .expectNoEvents();
    }

    @Test
    void aPinThatIsNoFingerprintIsRefused() {
        fixture.given(rotatedByItself())
                .when(new PinSigningKeyFingerprintCommand(ID, pub(k1), PUBLISHED_AT, NOW), by(Caller.ADMIN))
                .expectException(violation("invalid-fingerprint"))
                .expectNoEvents();
    }

    @Test
    void aPinNeedsWhereTheOrganizationPublishedIt() {
        fixture.given(rotatedByItself())
                .when(new PinSigningKeyFingerprintCommand(ID, Ed25519.fingerprint(pub(k1)), " ", NOW), by(Caller.ADMIN))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aPinIsRefusedOnceTheOrganizationHasASigningKey() throws Exception {
        fixture.given(registered(), registrationCredential(), firstKey(certify(k1, K1, K1, k1, T0)))
                .when(
                        new PinSigningKeyFingerprintCommand(ID, Ed25519.fingerprint(pub(k2)), PUBLISHED_AT, NOW),
                        by(Caller.ADMIN))
                .expectException(violation("signing-key-registered"))
                .expectNoEvents();
    }

    /** A recovery next to a live key would let the admin sign for the organization whenever it liked. */
    @Test
    void anAdminRecoveryIsRefusedWhileTheOrganizationHoldsACurrentKey() throws Exception {
        fixture.given(registered(), registrationCredential(), firstKey(certify(k1, K1, K1, k1, T0)))
                .when(new RegisterSigningKeyCommand(ID, K2, pub(k2), null, "lost every key", NOW), by(Caller.ADMIN))
                .expectException(violation("organization-has-current-key"))
                .expectNoEvents();
    }

    @Test
    void anAdminRecoveryIsAcceptedOnceEveryKeyOfTheOrganizationIsRevoked() throws Exception {
        fixture.given(
                        registered(),
                        registrationCredential(),
                        firstKey(certify(k1, K1, K1, k1, T0)),
                        new SigningKeyRevoked(ID, K1, "seized", T0, "credential:cred-1"))
                .when(new RegisterSigningKeyCommand(ID, K2, pub(k2), null, "lost every key", NOW), by(Caller.ADMIN))
                .expectEvents(new SigningKeyRegistered(
                        ID, K2, pub(k2), NOW, "admin", null, "lost every key", AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));
    }

    /**
     * The admin hands the registration key over and could keep a copy: with it alone it must not register a first
     * key that signs as organization-key for an organization that never registered one.
     */
    @Test
    void theFirstKeyRegisteredWithTheKeyTheAdminHandedOverIsRefusedUntilTheOrganizationRotatesIt() throws Exception {
        fixture.given(registered(), registrationCredential())
                .when(new RegisterSigningKeyCommand(ID, K1, pub(k1), certify(k1, K1, K1, k1, NOW), null, NOW), by(SELF))
                .expectNoEvents()
                .expectException(violation("rotate-credential-first"));
    }

    /**
     * Whoever holds an API key of an organization whose keys are all revoked (lost, seized) cannot certify a new key
     * itself, even with a key the organization rotated: only an admin recovery, which reads admin-issued-credential.
     */
    @Test
    void anOrganizationWhoseKeysAreAllRevokedCannotCertifyANewKeyItself() throws Exception {
        Object[] history = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(rotatedByItself()),
                        java.util.stream.Stream.of(
                                new SigningKeyRegistered(
                                        ID,
                                        K1,
                                        pub(k1),
                                        T0,
                                        "credential:cred-2",
                                        certify(k1, K1, K1, k1, T0),
                                        null,
                                        AssuranceLevel.ORGANIZATION_KEY),
                                new SigningKeyRevoked(ID, K1, "seized", T0, "credential:cred-2")))
                .toArray();

        fixture.given(history)
                .when(
                        new RegisterSigningKeyCommand(ID, K2, pub(k2), certify(k2, K2, K2, k2, NOW), null, NOW),
                        by(ROTATED_BY_ITSELF))
                .expectNoEvents()
                .expectException(violation("certification-by-current-key-required"));
    }

    @Test
    void theFirstKeyRegisteredWithAnAdminIssuedCredentialSignsNoHigherThanThatCredential() throws Exception {
        KeyCertification certification = certify(k1, K1, K1, k1, NOW);

        fixture.given(
                        registered(),
                        new CredentialIssued(ID, "cred-1", HASH_1, T0, "admin", AssuranceLevel.ADMIN_ISSUED_CREDENTIAL))
                .when(new RegisterSigningKeyCommand(ID, K1, pub(k1), certification, null, NOW), by(SELF))
                .expectEvents(new SigningKeyRegistered(
                        ID,
                        K1,
                        pub(k1),
                        NOW,
                        "credential:cred-1",
                        certification,
                        null,
                        AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));
    }

    @Test
    void aLaterKeyCertifiedByACurrentKeyTakesThatKeysLevel() throws Exception {
        KeyCertification certification = certify(k1, K1, K2, k2, NOW);

        fixture.given(registered(), registrationCredential(), firstKey(certify(k1, K1, K1, k1, NOW)))
                .when(new RegisterSigningKeyCommand(ID, K2, pub(k2), certification, null, NOW), by(SELF))
                .expectEvents(new SigningKeyRegistered(
                        ID,
                        K2,
                        pub(k2),
                        NOW,
                        "credential:cred-1",
                        certification,
                        null,
                        AssuranceLevel.ORGANIZATION_KEY));
    }

    @Test
    void aLaterKeyThatOnlyCertifiesItselfIsRefused() throws Exception {
        fixture.given(registered(), registrationCredential(), firstKey(certify(k1, K1, K1, k1, NOW)))
                .when(new RegisterSigningKeyCommand(ID, K2, pub(k2), certify(k2, K2, K2, k2, NOW), null, NOW), by(SELF))
                .expectException(violation("certification-by-current-key-required"))
                .expectNoEvents();
    }

    @Test
    void aKeyCertifiedByARevokedKeyIsRefused() throws Exception {
        fixture.given(
                        registered(),
                        registrationCredential(),
                        firstKey(certify(k1, K1, K1, k1, NOW)),
                        new SigningKeyRevoked(ID, K1, null, NOW, "credential:cred-1"))
                .when(new RegisterSigningKeyCommand(ID, K2, pub(k2), certify(k1, K1, K2, k2, NOW), null, NOW), by(SELF))
                .expectException(violation("unknown-signing-key"))
                .expectNoEvents();
    }

    @Test
    void aCertificationMadeByAnotherKeyThanTheOneItNamesIsRefused() throws Exception {
        fixture.given(registered(), registrationCredential(), firstKey(certify(k1, K1, K1, k1, NOW)))
                .when(new RegisterSigningKeyCommand(ID, K2, pub(k2), certify(k2, K1, K2, k2, NOW), null, NOW), by(SELF))
                .expectException(violation("bad-signature"))
                .expectNoEvents();
    }

    @Test
    void aCertificationOutsideTheClockWindowIsRefused() throws Exception {
        fixture.given(registered(), registrationCredential())
                .when(
                        new RegisterSigningKeyCommand(
                                ID, K1, pub(k1), certify(k1, K1, K1, k1, NOW.minusSeconds(301)), null, NOW),
                        by(SELF))
                .expectException(violation("signing-time-outside-window"))
                .expectNoEvents();
    }

    @Test
    void anOrganizationMustCertifyItsNewKey() {
        fixture.given(registered(), registrationCredential())
                .when(new RegisterSigningKeyCommand(ID, K1, pub(k1), null, null, NOW), by(SELF))
                .expectException(violation("key-certification-required"))
                .expectNoEvents();
    }

    /**
     * Every key after a recovery chains from it at admin-issued-credential: a "recovery" as an organization's first
     * key would bar it from organization-key for good. Recovery is for lost keys only.
     */
    @Test
    void anAdminRecoveryForAnOrganizationThatNeverHadAKeyIsRefused() {
        fixture.given(registered(), registrationCredential())
                .when(
                        new RegisterSigningKeyCommand(ID, K1, pub(k1), null, "lost every key in a raid", NOW),
                        by(Caller.ADMIN))
                .expectException(violation("no-key-to-recover"))
                .expectNoEvents();
    }

    @Test
    void aSmallOrderPublicKeyIsRefused() {
        fixture.given(registered(), registrationCredential())
                .when(
                        new RegisterSigningKeyCommand(
                                ID, K1, "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", null, null, NOW),
                        by(SELF))
                .expectException(violation("weak-public-key"))
                .expectNoEvents();
    }

    @Test
    void aNonCanonicalPublicKeyEncodingIsRefused() {
        // y = p: the key 0 under a second spelling.
        String nonCanonical = Base64.getEncoder()
                .encodeToString(java.util.HexFormat.of()
                        .parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"));

        fixture.given(registered(), registrationCredential())
                .when(new RegisterSigningKeyCommand(ID, K1, nonCanonical, null, null, NOW), by(SELF))
                .expectException(violation("weak-public-key"))
                .expectNoEvents();
    }

    @Test
    void anAdminRecoveryIsRecordedWithItsReasonAndSignsAsAdminIssuedCredential() throws Exception {
        fixture.given(
                        registered(),
                        registrationCredential(),
                        firstKey(certify(k1, K1, K1, k1, T0)),
                        new SigningKeyRevoked(ID, K1, "seized", T0, "credential:cred-1"))
                .when(
                        new RegisterSigningKeyCommand(ID, K2, pub(k2), null, "lost every key in a raid", NOW),
                        by(Caller.ADMIN))
                .expectEvents(new SigningKeyRegistered(
                        ID,
                        K2,
                        pub(k2),
                        NOW,
                        "admin",
                        null,
                        "lost every key in a raid",
                        AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));
    }

    @Test
    void aKeyCertifiedByARecoveredKeyStaysAtTheRecoveredLevel() throws Exception {
        KeyCertification certification = certify(k1, K1, K2, k2, NOW);

        fixture.given(
                        registered(),
                        registrationCredential(),
                        new SigningKeyRegistered(
                                ID, K1, pub(k1), T0, "admin", null, "lost", AssuranceLevel.ADMIN_ISSUED_CREDENTIAL))
                .when(new RegisterSigningKeyCommand(ID, K2, pub(k2), certification, null, NOW), by(SELF))
                .expectEvents(new SigningKeyRegistered(
                        ID,
                        K2,
                        pub(k2),
                        NOW,
                        "credential:cred-1",
                        certification,
                        null,
                        AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));
    }

    @Test
    void anAdminRecoveryNeedsAReason() throws Exception {
        fixture.given(
                        registered(),
                        registrationCredential(),
                        firstKey(certify(k1, K1, K1, k1, T0)),
                        new SigningKeyRevoked(ID, K1, "seized", T0, "credential:cred-1"))
                .when(new RegisterSigningKeyCommand(ID, K2, pub(k2), null, " ", NOW), by(Caller.ADMIN))
                .expectException(violation("invalid-recoveryReason"))
                .expectNoEvents();
    }

    @Test
    void anOrganizationCannotCallItsRegistrationARecovery() throws Exception {
        fixture.given(registered(), registrationCredential())
                .when(
                        new RegisterSigningKeyCommand(ID, K1, pub(k1), certify(k1, K1, K1, k1, NOW), "lost", NOW),
                        by(SELF))
                .expectException(violation("recovery-for-admins-only"))
                .expectNoEvents();
    }

    @Test
    void registeringTheSameKeyUnderTheSameIdAgainChangesNothing() throws Exception {
        fixture.given(registered(), registrationCredential(), firstKey(certify(k1, K1, K1, k1, NOW)))
                .when(new RegisterSigningKeyCommand(ID, K1, pub(k1), certify(k1, K1, K1, k1, NOW), null, NOW), by(SELF))
                .expectNoEvents()
                .expectResultMessagePayload(new SigningKeyOutcome(false, 2));
    }

    @Test
    void aRevokedKeysIdIsNeverReused() throws Exception {
        fixture.given(
                        registered(),
                        registrationCredential(),
                        firstKey(certify(k1, K1, K1, k1, NOW)),
                        new SigningKeyRevoked(ID, K1, null, NOW, "credential:cred-1"))
                .when(new RegisterSigningKeyCommand(ID, K1, pub(k2), null, "lost", NOW), by(Caller.ADMIN))
                .expectException(violation("signing-key-id-taken"))
                .expectNoEvents();
    }

    @Test
    void aPublicKeyThatIsNotEd25519IsRefused() {
        fixture.given(registered(), registrationCredential())
                .when(new RegisterSigningKeyCommand(ID, K1, "AAAA", null, "lost", NOW), by(Caller.ADMIN))
                .expectException(violation("invalid-public-key"))
                .expectNoEvents();
    }

    @Test
    void aSuspendedOrganizationGetsNoSigningKey() {
        fixture.given(registered(), registrationCredential(), new OrganizationSuspended(ID, null, T0, "admin"))
                .when(new RegisterSigningKeyCommand(ID, K1, pub(k1), null, "lost", NOW), by(Caller.ADMIN))
                .expectException(violation("organization-suspended"))
                .expectNoEvents();
    }

    @Test
    void aKeyIsRevokedWithWhoRevokedItAndWhy() throws Exception {
        fixture.given(registered(), registrationCredential(), firstKey(certify(k1, K1, K1, k1, NOW)))
                .when(new RevokeSigningKeyCommand(ID, K1, "laptop stolen", NOW), by(SELF))
                .expectEvents(new SigningKeyRevoked(ID, K1, "laptop stolen", NOW, "credential:cred-1"))
                .expectResultMessagePayload(new SigningKeyOutcome(true, 3));
    }

    @Test
    void aRevokedKeyCannotBeRevokedAgain() throws Exception {
        fixture.given(
                        registered(),
                        registrationCredential(),
                        firstKey(certify(k1, K1, K1, k1, NOW)),
                        new SigningKeyRevoked(ID, K1, null, NOW, "admin"))
                .when(new RevokeSigningKeyCommand(ID, K1, null, NOW), by(SELF))
                .expectException(violation("signing-key-revoked"))
                .expectNoEvents();
    }

    @Test
    void aKeyThatWasNeverRegisteredCannotBeRevoked() {
        fixture.given(registered(), registrationCredential())
                .when(new RevokeSigningKeyCommand(ID, K1, null, NOW), by(Caller.ADMIN))
                .expectException(violation("signing-key-not-found"))
                .expectNoEvents();
    }
}
