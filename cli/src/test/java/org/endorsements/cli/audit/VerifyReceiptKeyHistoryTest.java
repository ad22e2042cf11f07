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
import org.endorsements.events.ApiCredentialRevoked;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Ed25519;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.KeyCertification;
import org.endorsements.events.KeyHistoryCommitment;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.SigningKeyPinned;
import org.endorsements.events.SigningKeyRegistered;
import org.endorsements.events.SigningKeyRevoked;
import org.endorsements.events.StatementId;
import org.endorsements.transparency.Ed25519Keys;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.LogLeaf;
import org.endorsements.transparency.SignedNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * verify-receipt on a version 3 leaf, which commits to the organization's key history when it was recorded: the
 * receipt's key-history entries must chain to that commitment, and only they vouch for the leaf's signature and
 * level. Every edit here is one an operator could make in the view store without the organization's private key.
 */
class VerifyReceiptKeyHistoryTest {

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

    private static SigningKeyRegistered key(SigningKeyId keyId, KeyPair keys, Instant at) throws Exception {
        String publicKey = Ed25519.encode(keys.getPublic());
        byte[] message = SignedMessages.keyCertification(ORG, keyId, publicKey, keyId, at, NONCE);
        return new SigningKeyRegistered(
                ORG,
                keyId,
                publicKey,
                at,
                "credential:c1",
                new KeyCertification(keyId, at, NONCE, sign(keys, message)),
                null,
                AssuranceLevel.ORGANIZATION_KEY);
    }

    private static ApiCredentialIssued issued(String id, String issuedBy) {
        return new ApiCredentialIssued(
                ORG, id, "cd".repeat(32), ROTATED, issuedBy, AssuranceLevel.ORGANIZATION_CREDENTIAL);
    }

    private static SigningKeyPinned pinned(KeyPair keys) {
        return new SigningKeyPinned(
                ORG, Ed25519.fingerprint(Ed25519.encode(keys.getPublic())), "https://provea.org/key", ROTATED, "admin");
    }

    /** The organization's real history: handed-over key, rotated by itself, first key pinned and registered. */
    private List<EndorsementEvent> history() throws Exception {
        return List.of(
                issued("c0", "admin"),
                new ApiCredentialRevoked(ORG, "c0", ROTATED, "credential:c0"),
                issued("c1", "credential:c0"),
                pinned(k1),
                key(K1, k1, REGISTERED));
    }

    private static ActionSignature endorsement(KeyPair keys, SigningKeyId keyId) throws Exception {
        byte[] message = SignedMessages.endorsement(STATEMENT, HASH, ORG, EndorsementVisibility.PUBLIC, SIGNED, NONCE);
        return new ActionSignature(keyId, HASH, SIGNED, NONCE, sign(keys, message), EndorsementVisibility.PUBLIC);
    }

    private static List<Map<String, Object>> events(List<? extends EndorsementEvent> events) throws Exception {
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

    /**
     * A receipt of one signed endorsement whose version 3 leaf commits to {@code committed}, carrying
     * {@code given} as the organization's key history (and, as receipts do, its key and credential events apart).
     */
    private Path receipt(ActionSignature signature, KeyHistoryCommitment committed, List<EndorsementEvent> given)
            throws Exception {
        byte[] leaf = new LogLeaf(
                        "e1",
                        "EndorsementAdded",
                        STATEMENT.value(),
                        HASH,
                        RECORDED,
                        "api",
                        LogLeaf.commitment(OPENING, ORG.value()),
                        signature.keyId().value(),
                        LogLeaf.signatureDigest(signature.value()),
                        committed.length(),
                        committed.digest())
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
        receipt.put("actor", "credential:c1");
        receipt.put(
                "signingKeys",
                events(given.stream()
                        .filter(e -> e instanceof SigningKeyRegistered)
                        .toList()));
        receipt.put(
                "credentials",
                events(given.stream()
                        .filter(e -> e instanceof ApiCredentialIssued || e instanceof ApiCredentialRevoked)
                        .toList()));
        if (given != null) {
            receipt.put("keyHistory", events(given));
        }
        Path file = dir.resolve("receipt.json");
        Files.writeString(file, JSON.writeValueAsString(receipt));
        return file;
    }

    private int verify(Path receipt, String... options) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new ArrayList<>(List.of(receipt.toString(), "--key", LOG_KEY));
            args.addAll(List.of(options));
            return new CommandLine(new VerifyReceiptCommand()).execute(args.toArray(String[]::new));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aReceiptWhoseKeyHistoryChainsToItsVersionThreeLeafVerifies() throws Exception {
        List<EndorsementEvent> history = history();

        int exit = verify(receipt(endorsement(k1, K1), KeyHistoryCommitment.of(history), history));

        assertThat(exit).as(errors()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("derived level organization-key");
    }

    @Test
    void aKeyRegistrationInsertedIntoTheKeyHistoryFailsNamingTheLeaf() throws Exception {
        List<EndorsementEvent> history = history();
        KeyPair forged = generate();
        List<EndorsementEvent> edited = new ArrayList<>(history);
        edited.add(4, key(K2, forged, REGISTERED));

        int exit = verify(receipt(endorsement(k1, K1), KeyHistoryCommitment.of(history), edited));

        assertThat(exit).isEqualTo(1);
        assertThat(errors())
                .contains("the latest leaf 0: the key history given differs from the one its leaf commits to");
    }

    /**
     * A key the operator holds, appended after the history the leaf commits to, vouches for nothing the leaf
     * records: it is not among the entries the leaf was recorded under.
     */
    @Test
    void aSignatureByAKeyAddedAfterTheCommittedHistoryFails() throws Exception {
        List<EndorsementEvent> history = history();
        KeyPair forged = generate();
        List<EndorsementEvent> edited = new ArrayList<>(history);
        // Dated within the recording allowance before the leaf, so that only the commitment tells it apart.
        edited.add(key(K2, forged, Instant.parse(RECORDED).minusSeconds(10)));

        int exit = verify(receipt(endorsement(forged, K2), KeyHistoryCommitment.of(history), edited));

        assertThat(exit).isEqualTo(1);
        assertThat(errors()).contains("the latest leaf 0: key k2 was not a current key of provea");
    }

    @Test
    void aCredentialWhoseIssuerWasChangedFailsNamingTheLeaf() throws Exception {
        // The admin issued c1 (its signatures prove at most admin-issued-credential); the operator rewrites the
        // view store to say the organization rotated it itself, which would raise its first key to organization-key.
        List<EndorsementEvent> recorded = new ArrayList<>(history());
        recorded.set(2, issued("c1", "admin"));
        List<EndorsementEvent> edited = new ArrayList<>(recorded);
        edited.set(2, issued("c1", "credential:c0"));

        int exit = verify(receipt(endorsement(k1, K1), KeyHistoryCommitment.of(recorded), edited));

        assertThat(exit).isEqualTo(1);
        assertThat(errors()).contains("the latest leaf 0: the key history given differs");
    }

    @Test
    void anEntryRemovedFromTheKeyHistoryFailsNamingTheLeaf() throws Exception {
        List<EndorsementEvent> history = history();
        List<EndorsementEvent> edited = new ArrayList<>(history);
        edited.remove(3);

        int exit = verify(receipt(endorsement(k1, K1), KeyHistoryCommitment.of(history), edited));

        assertThat(exit).isEqualTo(1);
        assertThat(errors())
                .contains("the latest leaf 0: the leaf commits to 5 key-history entries, only 4 were given");
    }

    @Test
    void aReceiptWithoutTheKeyHistoryItsLeafCommitsToFails() throws Exception {
        List<EndorsementEvent> history = history();
        Path file = receipt(endorsement(k1, K1), KeyHistoryCommitment.of(history), history);
        Map<?, ?> receipt = JSON.readValue(file.toFile(), Map.class);
        receipt.remove("keyHistory");
        Files.writeString(file, JSON.writeValueAsString(receipt));

        int exit = verify(file);

        assertThat(exit).isEqualTo(1);
        assertThat(errors()).contains("the leaf commits to 5 key-history entries, none were given");
    }

    private static String fingerprint(KeyPair keys) {
        return Ed25519.fingerprint(Ed25519.encode(keys.getPublic()));
    }

    private Path anchors(KeyPair firstKey) throws Exception {
        Path file = dir.resolve("anchors.txt");
        Files.writeString(file, "provea " + fingerprint(firstKey) + " provea's annual report\n");
        return file;
    }

    /**
     * The admin registered its own first key (which the leaf commits to) and lists the organization's published one
     * under the same id among the receipt's signing keys: the anchor is compared with the committed first key.
     */
    @Test
    void anAnchorIsComparedWithTheFirstKeyTheLeafCommitsToNotWithTheReceiptsSigningKeys() throws Exception {
        List<EndorsementEvent> history = history();
        KeyPair published = generate();
        Path file = receipt(endorsement(k1, K1), KeyHistoryCommitment.of(history), history);
        com.fasterxml.jackson.databind.node.ObjectNode receipt =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(Files.readString(file));
        receipt.set("signingKeys", JSON.valueToTree(events(List.of(key(K1, published, REGISTERED)))));
        Files.writeString(file, JSON.writeValueAsString(receipt));

        int exit = verify(file, "--anchors", anchors(published).toString());

        assertThat(exit).isEqualTo(1);
        assertThat(errors())
                .contains("the latest leaf 0: claims organization-key, but the first key k1 of provea has fingerprint "
                        + fingerprint(k1));
    }

    @Test
    void anUnanchoredClaimNamesThePinItsLeafCommitsTo() throws Exception {
        List<EndorsementEvent> history = history();

        int exit = verify(receipt(endorsement(k1, K1), KeyHistoryCommitment.of(history), history));

        assertThat(exit).as(errors()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("organization-key (unanchored: pinned by admin from https://provea.org/key)");
    }

    /**
     * The operator commits a leaf to the history as it was before the key's revocation, an hour before the leaf,
     * so that the revoked key still signs.
     */
    @Test
    void aLeafCommittingToAHistoryFromBeforeAnEarlierRevocationFailsNamingTheLeaf() throws Exception {
        List<EndorsementEvent> history = history();
        List<EndorsementEvent> revoked = new ArrayList<>(history);
        revoked.add(new SigningKeyRevoked(ORG, K1, "compromised", SIGNED.minusSeconds(3600), "credential:c1"));

        int exit = verify(receipt(endorsement(k1, K1), KeyHistoryCommitment.of(history), revoked));

        assertThat(exit).isEqualTo(1);
        assertThat(errors())
                .contains("the latest leaf 0: the leaf commits to 5 key-history entries, but entry 6 is dated "
                        + SIGNED.minusSeconds(3600));
    }

    @Test
    void anEntryOfAnotherOrganizationInTheKeyHistoryFails() throws Exception {
        List<EndorsementEvent> history = history();
        List<EndorsementEvent> given = new ArrayList<>(history);
        given.add(
                0,
                new ApiCredentialIssued(
                        OrganizationId.of("codhez"), "c9", "ef".repeat(32), ROTATED, "admin", AssuranceLevel.IMPORTED));

        int exit = verify(receipt(endorsement(k1, K1), KeyHistoryCommitment.of(history), given));

        assertThat(exit).isEqualTo(1);
        assertThat(errors()).contains("key history: an entry is codhez's, not provea's");
    }
}
