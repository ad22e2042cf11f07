package org.endorsements.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.ApiCredentialIssued;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Ed25519;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementVisibility;
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
 * verify-receipt derives from the receipt's key and credential history the highest assurance level each event can
 * carry, and rejects a receipt whose claim is higher: every forged claim here is one an operator could write into a
 * receipt without the organization's private key.
 */
class VerifyReceiptAssuranceTest {

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
    private static final SigningKeyId K2 = SigningKeyId.of("k2");
    private static final Instant ROTATED = Instant.parse("2026-12-01T07:00:00Z");
    private static final Instant REGISTERED = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant SIGNED = Instant.parse("2026-12-01T09:00:00Z");
    private static final String RECORDED = "2026-12-01T09:00:01Z";
    private static final String NONCE = "nonce-0123456789ab";

    @TempDir
    Path dir;

    private final KeyPair k1 = generate();
    private final KeyPair k2 = generate();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(KeyPair keys, byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(message);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static ApiCredentialIssued credential(String id, String issuedBy, AssuranceLevel level) {
        return new ApiCredentialIssued(ORG, id, "cd".repeat(32), ROTATED, issuedBy, level);
    }

    private SigningKeyRegistered firstKey(String registeredBy) throws Exception {
        String publicKey = Ed25519.encode(k1.getPublic());
        byte[] message = SignedMessages.keyCertification(ORG, K1, publicKey, K1, REGISTERED, NONCE);
        return new SigningKeyRegistered(
                ORG,
                K1,
                publicKey,
                REGISTERED,
                registeredBy,
                new KeyCertification(K1, REGISTERED, NONCE, sign(k1, message)),
                null,
                AssuranceLevel.ORGANIZATION_KEY);
    }

    private SigningKeyRegistered recoveredFirstKey() {
        return new SigningKeyRegistered(
                ORG,
                K1,
                Ed25519.encode(k1.getPublic()),
                REGISTERED,
                "admin",
                null,
                "lost every key",
                AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
    }

    /** k2 certified by k1, its registration claiming organization-key whatever k1 is. */
    private SigningKeyRegistered secondKeyCertifiedByTheFirst() throws Exception {
        String publicKey = Ed25519.encode(k2.getPublic());
        byte[] message = SignedMessages.keyCertification(ORG, K2, publicKey, K1, REGISTERED.plusSeconds(60), NONCE);
        return new SigningKeyRegistered(
                ORG,
                K2,
                publicKey,
                REGISTERED.plusSeconds(60),
                "credential:c1",
                new KeyCertification(K1, REGISTERED.plusSeconds(60), NONCE, sign(k1, message)),
                null,
                AssuranceLevel.ORGANIZATION_KEY);
    }

    private static ActionSignature endorsement(KeyPair keys, SigningKeyId keyId, Instant signedAt) throws Exception {
        byte[] message =
                SignedMessages.endorsement(STATEMENT, HASH, ORG, EndorsementVisibility.PUBLIC, signedAt, NONCE);
        return new ActionSignature(keyId, HASH, signedAt, NONCE, sign(keys, message), EndorsementVisibility.PUBLIC);
    }

    private static List<Map<String, Object>> events(EndorsementEvent... events) throws Exception {
        List<Map<String, Object>> list = new ArrayList<>();
        for (EndorsementEvent event : events) {
            list.add(Map.of(
                    "eventType",
                    EventMessageFormat.typeOf(event.getClass()),
                    "payload",
                    JSON.readTree(EventMessageFormat.encode(event))));
        }
        return list;
    }

    /** A receipt of one endorsement (or re-confirmation), its leaf in a signed tree of one. */
    private Path receipt(
            String type,
            ActionSignature signature,
            String assurance,
            List<Map<String, Object>> signingKeys,
            List<Map<String, Object>> credentials)
            throws Exception {
        byte[] leaf = new LogLeaf(
                        "e1",
                        type,
                        STATEMENT.value(),
                        HASH,
                        RECORDED,
                        "EndorsementAdded".equals(type) ? "api" : null,
                        LogLeaf.commitment(OPENING, ORG.value()),
                        signature == null ? null : signature.keyId().value(),
                        signature == null ? null : LogLeaf.signatureDigest(signature.value()))
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
        receipt.put("eventType", type);
        receipt.put("leafIndex", 0);
        receipt.put("leaf", Base64.getEncoder().encodeToString(leaf));
        receipt.put("treeSize", 1);
        receipt.put("inclusionProof", List.of());
        receipt.put("checkpoint", note);
        receipt.put("assurance", assurance);
        receipt.put("signature", signature);
        receipt.put("actor", "credential:c1");
        receipt.put("signingKeys", signingKeys);
        receipt.put("credentials", credentials);
        Path file = dir.resolve("receipt.json");
        Files.writeString(file, JSON.writeValueAsString(receipt));
        return file;
    }

    private int verify(Path receipt) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(new VerifyReceiptCommand()).execute(receipt.toString(), "--key", LOG_KEY);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEndorsementSignedByAFirstKeyRegisteredWithARotatedApiKeyVerifiesAndPrintsItsDerivedLevel() throws Exception {
        int exit = verify(receipt(
                "EndorsementAdded",
                endorsement(k1, K1, SIGNED),
                "organization-key",
                events(firstKey("credential:c1")),
                events(credential("c1", "credential:c0", AssuranceLevel.ORGANIZATION_CREDENTIAL))));

        assertThat(exit).as(errors()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("derived level organization-key");
    }

    @Test
    void anOrganizationKeyClaimByAFirstKeyWhoseApiKeyTheReceiptDoesNotShowIsRejected() throws Exception {
        int exit = verify(receipt(
                "EndorsementAdded",
                endorsement(k1, K1, SIGNED),
                "organization-key",
                events(firstKey("credential:c1")),
                List.of()));

        assertThat(exit).isEqualTo(1);
        assertThat(errors())
                .contains("claims organization-key but its history proves at most imported")
                .contains("API key c1, which the history does not show");
    }

    @Test
    void anUnsignedLeafClaimingOrganizationKeyIsRejected() throws Exception {
        int exit = verify(
                receipt("EndorsementAdded", null, "organization-key", events(firstKey("credential:c1")), List.of()));

        assertThat(exit).isEqualTo(1);
        assertThat(errors()).contains("claims organization-key but its history proves at most organization-credential");
    }

    @Test
    void aSignatureByARecoveredKeyClaimingOrganizationKeyIsRejected() throws Exception {
        int exit = verify(receipt(
                "EndorsementAdded",
                endorsement(k1, K1, SIGNED),
                "organization-key",
                events(recoveredFirstKey()),
                List.of()));

        assertThat(exit).isEqualTo(1);
        assertThat(errors()).contains("at most admin-issued-credential (key k1 is an admin recovery)");
    }

    @Test
    void aSignatureByAKeyCertifiedByARecoveredKeyClaimingOrganizationKeyIsRejected() throws Exception {
        int exit = verify(receipt(
                "EndorsementAdded",
                endorsement(k2, K2, SIGNED),
                "organization-key",
                events(recoveredFirstKey(), secondKeyCertifiedByTheFirst()),
                List.of()));

        assertThat(exit).isEqualTo(1);
        assertThat(errors()).contains("key k2 is certified by key k1: key k1 is an admin recovery");
    }

    @Test
    void aSignatureByAFirstKeyRegisteredWithAnAdminIssuedApiKeyClaimingOrganizationKeyIsRejected() throws Exception {
        int exit = verify(receipt(
                "EndorsementAdded",
                endorsement(k1, K1, SIGNED),
                "organization-key",
                events(firstKey("credential:c1")),
                events(credential("c1", "admin", AssuranceLevel.ADMIN_ISSUED_CREDENTIAL))));

        assertThat(exit).isEqualTo(1);
        assertThat(errors()).contains("which an admin issued or handed over");
    }

    @Test
    void theSameSignatureClaimingAdminIssuedCredentialVerifies() throws Exception {
        int exit = verify(receipt(
                "EndorsementAdded",
                endorsement(k1, K1, SIGNED),
                "admin-issued-credential",
                events(firstKey("credential:c1")),
                events(credential("c1", "admin", AssuranceLevel.ADMIN_ISSUED_CREDENTIAL))));

        assertThat(exit).as(errors()).isZero();
    }

    @Test
    void aSignedLeafWithoutAnyKeyHistoryIsRejected() throws Exception {
        int exit = verify(
                receipt("EndorsementAdded", endorsement(k1, K1, SIGNED), "organization-key", List.of(), List.of()));

        assertThat(exit).isEqualTo(1);
        assertThat(errors()).contains("no key history");
    }

    @Test
    void aSignatureMadeLongBeforeItsLeafWasRecordedIsRejected() throws Exception {
        int exit = verify(receipt(
                "EndorsementAdded",
                endorsement(k1, K1, SIGNED.minusSeconds(600)),
                "organization-key",
                events(firstKey("credential:c1")),
                List.of()));

        assertThat(exit).isEqualTo(1);
        assertThat(errors()).contains("more than 5 minutes from its recording");
    }

    @Test
    void aSignedReconfirmationVerifiesAsAnEndorsementOfTheTextItsLeafRecords() throws Exception {
        int exit = verify(receipt(
                "EndorsementReconfirmed",
                endorsement(k1, K1, SIGNED),
                "organization-key",
                events(firstKey("credential:c1")),
                events(credential("c1", "credential:c0", AssuranceLevel.ORGANIZATION_CREDENTIAL))));

        assertThat(exit).as(errors()).isZero();
    }

    @Test
    void aReconfirmationSignedOverCountedButPresentedAsPublicIsRejected() throws Exception {
        ActionSignature counted = endorsement(k1, K1, SIGNED);
        byte[] countedMessage =
                SignedMessages.endorsement(STATEMENT, HASH, ORG, EndorsementVisibility.COUNTED, SIGNED, NONCE);
        ActionSignature relabelled =
                new ActionSignature(K1, HASH, SIGNED, NONCE, sign(k1, countedMessage), EndorsementVisibility.PUBLIC);

        int exit = verify(receipt(
                "EndorsementReconfirmed",
                relabelled,
                "organization-key",
                events(firstKey("credential:c1")),
                List.of()));

        assertThat(counted.value()).isNotEqualTo(relabelled.value());
        assertThat(exit).isEqualTo(1);
        assertThat(errors()).contains("the signature does not verify");
    }
}
