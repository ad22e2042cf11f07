package org.endorsements.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedMessagesTest {

    private static final StatementId STATEMENT = StatementId.of("icc-statement");
    private static final OrganizationId ORG = OrganizationId.of("provea");
    private static final String HASH = "ab".repeat(32);
    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");
    private static final String NONCE = "0123456789abcdef";

    static KeyPair keyPair() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static String sign(KeyPair keys, byte[] message) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(message);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    @Test
    void aSignedActionIsTheDocumentedLinesAfterItsDomainLine() {
        byte[] message = SignedMessages.action(SignedMessages.Action.ENDORSE, STATEMENT, HASH, ORG, AT, NONCE);

        assertThat(new String(message, StandardCharsets.UTF_8))
                .isEqualTo("urn:endorsements:signed-action:v1\n"
                        + "action:endorse\n"
                        + "statement:icc-statement\n"
                        + "content-hash:" + HASH + "\n"
                        + "organization:provea\n"
                        + "signed-at:2026-11-01T10:00:00Z\n"
                        + "nonce:0123456789abcdef\n");
    }

    @Test
    void aKeyCertificationIsTheDocumentedLinesAfterItsOwnDomainLine() {
        byte[] message =
                SignedMessages.keyCertification(ORG, SigningKeyId.of("k2"), "PUBKEY", SigningKeyId.of("k1"), AT, NONCE);

        assertThat(new String(message, StandardCharsets.UTF_8))
                .isEqualTo("urn:endorsements:signing-key:v1\n"
                        + "action:register-key\n"
                        + "organization:provea\n"
                        + "key-id:k2\n"
                        + "public-key:PUBKEY\n"
                        + "signer-key-id:k1\n"
                        + "signed-at:2026-11-01T10:00:00Z\n"
                        + "nonce:0123456789abcdef\n");
    }

    @Test
    void aSignatureOverTheMessageVerifiesWithTheSignersPublicKey() throws Exception {
        KeyPair keys = keyPair();
        byte[] message = SignedMessages.action(SignedMessages.Action.ENDORSE, STATEMENT, HASH, ORG, AT, NONCE);
        ActionSignature signature = new ActionSignature(SigningKeyId.of("k1"), HASH, AT, NONCE, sign(keys, message));

        assertThat(signature.verifies(Ed25519.encode(keys.getPublic()), SignedMessages.Action.ENDORSE, STATEMENT, ORG))
                .isTrue();
    }

    @Test
    void anEndorsementSignatureDoesNotVerifyAsAWithdrawal() throws Exception {
        KeyPair keys = keyPair();
        byte[] message = SignedMessages.action(SignedMessages.Action.ENDORSE, STATEMENT, HASH, ORG, AT, NONCE);
        ActionSignature signature = new ActionSignature(SigningKeyId.of("k1"), HASH, AT, NONCE, sign(keys, message));

        assertThat(signature.verifies(Ed25519.encode(keys.getPublic()), SignedMessages.Action.WITHDRAW, STATEMENT, ORG))
                .isFalse();
    }

    @Test
    void aSignatureDoesNotVerifyWithAnotherKey() throws Exception {
        byte[] message = SignedMessages.action(SignedMessages.Action.ENDORSE, STATEMENT, HASH, ORG, AT, NONCE);
        ActionSignature signature =
                new ActionSignature(SigningKeyId.of("k1"), HASH, AT, NONCE, sign(keyPair(), message));

        assertThat(signature.verifies(
                        Ed25519.encode(keyPair().getPublic()), SignedMessages.Action.ENDORSE, STATEMENT, ORG))
                .isFalse();
    }

    @Test
    void aSignatureWithOneByteChangedDoesNotVerify() throws Exception {
        KeyPair keys = keyPair();
        byte[] message = SignedMessages.action(SignedMessages.Action.ENDORSE, STATEMENT, HASH, ORG, AT, NONCE);
        byte[] raw = Base64.getDecoder().decode(sign(keys, message));
        raw[10] ^= 1;

        assertThat(Ed25519.verify(
                        Ed25519.encode(keys.getPublic()),
                        message,
                        Base64.getEncoder().encodeToString(raw)))
                .isFalse();
    }

    @Test
    void malformedKeysAndSignaturesDoNotVerifyAndThrowNothing() {
        assertThat(Ed25519.verify("not base64!", new byte[1], "AAAA")).isFalse();
        assertThat(Ed25519.isPublicKey(Base64.getEncoder().encodeToString(new byte[31])))
                .isFalse();
    }

    @Test
    void signingTimesAreReadOnlyInTheirCanonicalForm() {
        assertThat(SignedMessages.parseTime("2026-11-01T10:00:00Z")).contains(AT);
        assertThat(SignedMessages.parseTime("2026-11-01T10:00:00.000Z")).isEmpty();
        assertThat(SignedMessages.parseTime("2026-11-01T10:00:00.5Z")).isEmpty();
        assertThat(SignedMessages.parseTime("2026-11-01T11:00:00+01:00")).isEmpty();
    }

    @Test
    void aNonceIsSixteenToSixtyFourUrlSafeCharacters() {
        assertThat(SignedMessages.isNonce("a".repeat(16))).isTrue();
        assertThat(SignedMessages.isNonce("a".repeat(15))).isFalse();
        assertThat(SignedMessages.isNonce("a".repeat(65))).isFalse();
        assertThat(SignedMessages.isNonce("aaaaaaaaaaaaaaa\n")).isFalse();
    }

    @Test
    void aSignatureThatIsNot64BytesIsRefusedAsAValue() {
        assertThatThrownBy(() -> new ActionSignature(SigningKeyId.of("k1"), HASH, AT, NONCE, "AAAA"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void assuranceLevelsTravelByTheirDocumentedWireNames() {
        assertThat(AssuranceLevel.ORGANIZATION_KEY.wireName()).isEqualTo("organization-key");
        assertThat(AssuranceLevel.fromWire("admin-issued-credential"))
                .isEqualTo(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
        assertThatThrownBy(() -> AssuranceLevel.fromWire("ORGANIZATION_KEY"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWeakestOfTwoLevelsIsTheOneThatProvesLess() {
        assertThat(AssuranceLevel.ORGANIZATION_KEY.weakest(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL))
                .isEqualTo(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
        assertThat(AssuranceLevel.ORGANIZATION_CREDENTIAL.weakest(AssuranceLevel.ORGANIZATION_KEY))
                .isEqualTo(AssuranceLevel.ORGANIZATION_CREDENTIAL);
    }

    @Test
    void aVersionTwoEndorsementNamesTheVisibilityAfterTheOrganization() {
        byte[] message = SignedMessages.endorsement(STATEMENT, HASH, ORG, EndorsementVisibility.COUNTED, AT, NONCE);

        assertThat(new String(message, StandardCharsets.UTF_8))
                .isEqualTo("urn:endorsements:signed-action:v2\n"
                        + "action:endorse\n"
                        + "statement:icc-statement\n"
                        + "content-hash:" + HASH + "\n"
                        + "organization:provea\n"
                        + "visibility:counted\n"
                        + "signed-at:2026-11-01T10:00:00Z\n"
                        + "nonce:0123456789abcdef\n");
    }

    @Test
    void aSignatureOverCountedDoesNotVerifyAsPublic() throws Exception {
        KeyPair keys = keyPair();
        String value =
                sign(keys, SignedMessages.endorsement(STATEMENT, HASH, ORG, EndorsementVisibility.COUNTED, AT, NONCE));
        String publicKey = Ed25519.encode(keys.getPublic());

        assertThat(new ActionSignature(SigningKeyId.of("k1"), HASH, AT, NONCE, value, EndorsementVisibility.COUNTED)
                        .verifies(publicKey, SignedMessages.Action.ENDORSE, STATEMENT, ORG))
                .isTrue();
        assertThat(new ActionSignature(SigningKeyId.of("k1"), HASH, AT, NONCE, value, EndorsementVisibility.PUBLIC)
                        .verifies(publicKey, SignedMessages.Action.ENDORSE, STATEMENT, ORG))
                .isFalse();
        assertThat(new ActionSignature(SigningKeyId.of("k1"), HASH, AT, NONCE, value)
                        .verifies(publicKey, SignedMessages.Action.ENDORSE, STATEMENT, ORG))
                .isFalse();
    }

    @Test
    void aWithdrawalSignatureThatNamesAVisibilityNeverVerifies() throws Exception {
        KeyPair keys = keyPair();
        String value =
                sign(keys, SignedMessages.endorsement(STATEMENT, HASH, ORG, EndorsementVisibility.PUBLIC, AT, NONCE));

        assertThat(new ActionSignature(SigningKeyId.of("k1"), HASH, AT, NONCE, value, EndorsementVisibility.PUBLIC)
                        .verifies(Ed25519.encode(keys.getPublic()), SignedMessages.Action.WITHDRAW, STATEMENT, ORG))
                .isFalse();
    }

    @Test
    void aVersionOneSignatureKeepsItsRecordedJsonForm() {
        ActionSignature signature = new ActionSignature(SigningKeyId.of("k1"), HASH, AT, NONCE, "A".repeat(86) + "==");

        assertThat(new String(
                        EventMessageFormat.encode(new EndorsementWithdrawn(
                                STATEMENT, ORG, null, AT, "credential:c1", "r", signature, null)),
                        StandardCharsets.UTF_8))
                .contains("\"signature\":{\"keyId\":\"k1\",\"contentHash\":\"" + HASH
                        + "\",\"signedAt\":\"2026-11-01T10:00:00Z\",\"nonce\":\"" + NONCE + "\",\"value\":\""
                        + "A".repeat(86) + "==\"}");
    }

    @Test
    void theSigningTimeWindowIsFiveMinutesEitherWayOfTheClock() {
        assertThat(SignedMessages.withinWindow(AT, AT.plusSeconds(300))).isTrue();
        assertThat(SignedMessages.withinWindow(AT, AT.plusSeconds(301))).isFalse();
        assertThat(SignedMessages.withinWindow(AT, AT.minusSeconds(301))).isFalse();
    }

    @Test
    void aRecordedEventGivesTheWindowsEarlyEdgeTheRecordingDelayAndNoMore() {
        assertThat(SignedMessages.withinWindowOfRecording(AT, AT.plusSeconds(300 + 30)))
                .isTrue();
        assertThat(SignedMessages.withinWindowOfRecording(AT, AT.plusSeconds(300 + 31)))
                .isFalse();
        assertThat(SignedMessages.withinWindowOfRecording(AT, AT.minusSeconds(300)))
                .isTrue();
        assertThat(SignedMessages.withinWindowOfRecording(AT, AT.minusSeconds(301)))
                .isFalse();
    }
}
