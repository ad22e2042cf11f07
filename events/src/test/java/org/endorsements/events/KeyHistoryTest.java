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
}
