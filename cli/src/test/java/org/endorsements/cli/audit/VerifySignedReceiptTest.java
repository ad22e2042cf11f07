package org.endorsements.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Ed25519;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.KeyCertification;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.SigningKeyRegistered;
import org.endorsements.events.StatementId;
import org.endorsements.transparency.Ed25519Keys;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.LogLeaf;
import org.endorsements.transparency.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * verify-receipt on a receipt of a signed endorsement, offline; the organization's key and signatures are made with
 * Bouncy Castle's Ed25519, the platform's verifiers use the JDK's: the same bytes, two libraries.
 */
class VerifySignedReceiptTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final KeyPair LOG = Ed25519Keys.generate();
    private static final String LOG_KEY = SignedNote.verifierKey("endorsements.local", LOG.getPublic());
    private static final OrganizationId ORG = OrganizationId.of("provea");
    private static final StatementId STATEMENT = StatementId.of("icc");
    private static final String HASH = "a1".repeat(32);
    private static final String OPENING = "0a".repeat(32);
    private static final SigningKeyId K1 = SigningKeyId.of("k1");
    private static final Instant REGISTERED = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant SIGNED = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path dir;

    private final AsymmetricCipherKeyPair organization = bouncyCastleKeyPair();

    private static AsymmetricCipherKeyPair bouncyCastleKeyPair() {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        return generator.generateKeyPair();
    }

    private String publicKey() {
        return Base64.getEncoder().encodeToString(((Ed25519PublicKeyParameters) organization.getPublic()).getEncoded());
    }

    private String bouncyCastleSign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, (Ed25519PrivateKeyParameters) organization.getPrivate());
        signer.update(message, 0, message.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    private SigningKeyRegistered registration(Instant at) {
        String nonce = "nonce-key-0123456789";
        KeyCertification certification = new KeyCertification(
                K1, at, nonce, bouncyCastleSign(SignedMessages.keyCertification(ORG, K1, publicKey(), K1, at, nonce)));
        return new SigningKeyRegistered(
                ORG, K1, publicKey(), at, "credential:c1", certification, null, AssuranceLevel.ORGANIZATION_KEY);
    }

    private ActionSignature endorsement() {
        String nonce = "nonce-endorse-01234";
        return new ActionSignature(
                K1,
                HASH,
                SIGNED,
                nonce,
                bouncyCastleSign(
                        SignedMessages.action(SignedMessages.Action.ENDORSE, STATEMENT, HASH, ORG, SIGNED, nonce)));
    }

    private Path receipt(SigningKeyRegistered key, ActionSignature signature, String signatureInLeaf) throws Exception {
        byte[] leaf = new LogLeaf(
                        "e1",
                        "EndorsementAdded",
                        STATEMENT.value(),
                        HASH,
                        "2026-12-01T09:00:01Z",
                        "api",
                        LogLeaf.commitment(OPENING, ORG.value()),
                        signature.keyId().value(),
                        LogLeaf.signatureDigest(signatureInLeaf))
                .canonicalBytes();
        String note = SignedNote.sign(
                new SignedNote.Checkpoint("endorsements.local/statements/icc", 1, Hashes.leaf(leaf)),
                "endorsements.local",
                LOG.getPrivate(),
                LOG.getPublic());
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("statementId", STATEMENT.value());
        receipt.put("organizationId", ORG.value());
        receipt.put("opening", OPENING);
        receipt.put("eventType", "EndorsementAdded");
        receipt.put("leafIndex", 0);
        receipt.put("leaf", Base64.getEncoder().encodeToString(leaf));
        receipt.put("treeSize", 1);
        receipt.put("inclusionProof", List.of());
        receipt.put("checkpoint", note);
        receipt.put("assurance", "organization-key");
        receipt.put("signature", signature);
        receipt.put(
                "signingKeys",
                List.of(Map.of(
                        "eventType",
                        EventMessageFormat.typeOf(SigningKeyRegistered.class),
                        "payload",
                        JSON.readTree(EventMessageFormat.encode(key)))));
        // The organization rotated the API key it was handed over and registered its first key with its own: what
        // lets that key sign at organization-key (a first key whose API key the receipt does not show proves none).
        List<Map<String, Object>> credentials = new java.util.ArrayList<>();
        for (org.endorsements.events.EndorsementEvent event : List.of(
                new org.endorsements.events.ApiCredentialIssued(
                        ORG,
                        "c0",
                        "cd".repeat(32),
                        REGISTERED.minusSeconds(60),
                        "admin",
                        AssuranceLevel.ORGANIZATION_CREDENTIAL),
                new org.endorsements.events.ApiCredentialRevoked(
                        ORG, "c0", REGISTERED.minusSeconds(30), "credential:c0"),
                new org.endorsements.events.ApiCredentialIssued(
                        ORG,
                        "c1",
                        "ef".repeat(32),
                        REGISTERED.minusSeconds(30),
                        "credential:c0",
                        AssuranceLevel.ORGANIZATION_CREDENTIAL))) {
            credentials.add(Map.of(
                    "eventType",
                    EventMessageFormat.typeOf(event.getClass()),
                    "payload",
                    JSON.readTree(EventMessageFormat.encode(event))));
        }
        receipt.put("credentials", credentials);
        Path file = dir.resolve("receipt.json");
        Files.writeString(file, JSON.writeValueAsString(receipt));
        return file;
    }

    private static int run(String... args) {
        return new CommandLine(new VerifyReceiptCommand()).execute(args);
    }

    @Test
    void aReceiptOfAnEndorsementSignedWithBouncyCastleVerifiesWithTheJdk() throws Exception {
        ActionSignature signature = endorsement();

        assertThat(run(
                        receipt(registration(REGISTERED), signature, signature.value())
                                .toString(),
                        "--key",
                        LOG_KEY))
                .isZero();
    }

    @Test
    void aSignatureWithOneByteChangedFailsEvenWhenTheLeafCommitsToIt() throws Exception {
        ActionSignature signature = endorsement();
        byte[] raw = Base64.getDecoder().decode(signature.value());
        raw[0] ^= 1;
        ActionSignature changed = new ActionSignature(
                K1, HASH, SIGNED, signature.nonce(), Base64.getEncoder().encodeToString(raw));

        assertThat(run(
                        receipt(registration(REGISTERED), changed, changed.value())
                                .toString(),
                        "--key",
                        LOG_KEY))
                .isEqualTo(1);
    }

    @Test
    void aLeafThatCommitsToAnotherSignatureFails() throws Exception {
        ActionSignature signature = endorsement();
        String other = bouncyCastleSign("something else".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(run(receipt(registration(REGISTERED), signature, other).toString(), "--key", LOG_KEY))
                .isEqualTo(1);
    }

    @Test
    void aSignatureRecordedBeforeItsKeyWasRegisteredFails() throws Exception {
        ActionSignature signature = endorsement();

        assertThat(run(
                        receipt(registration(Instant.parse("2026-12-01T10:00:00Z")), signature, signature.value())
                                .toString(),
                        "--key",
                        LOG_KEY))
                .isEqualTo(1);
    }

    @Test
    void aSignatureTheJdkMadeVerifiesWithBouncyCastleOverTheSameBytes() throws Exception {
        KeyPair jdk = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] message =
                SignedMessages.action(SignedMessages.Action.WITHDRAW, STATEMENT, HASH, ORG, SIGNED, "nonce-0123456789");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(jdk.getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();

        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(
                false, new Ed25519PublicKeyParameters(Base64.getDecoder().decode(Ed25519.encode(jdk.getPublic()))));
        verifier.update(message, 0, message.length);

        assertThat(verifier.verifySignature(signature)).isTrue();
    }
}
