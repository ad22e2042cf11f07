package org.endorsements.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.ApiCredentialIssued;
import org.endorsements.events.ApiCredentialRevoked;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Ed25519;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.KeyCertification;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.SigningKeyRegistered;
import org.endorsements.events.StatementId;
import org.endorsements.transparency.CompactTree;
import org.endorsements.transparency.Ed25519Keys;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.LogLeaf;
import org.endorsements.transparency.SignedNote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * verify-log with an auditor key on a log holding a version 1 leaf (the statement) and a version 2 leaf (a signed
 * endorsement), and on a second statement whose endorsement an admin invalidated and reinstated, against a query
 * service played by a local HTTP server that answers what the real one would.
 */
class VerifyLogSignaturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair LOG = Ed25519Keys.generate();
    private static final String LOG_KEY = SignedNote.verifierKey("endorsements.local", LOG.getPublic());
    private static final OrganizationId ORG = OrganizationId.of("provea");
    private static final StatementId STATEMENT = StatementId.of("icc");
    private static final String HASH = "a1".repeat(32);
    private static final String OPENING = "0a".repeat(32);
    private static final SigningKeyId K1 = SigningKeyId.of("k1");
    private static final Instant REGISTERED = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant SIGNED = Instant.parse("2026-12-01T09:00:00Z");

    private final Map<String, String> answers = new HashMap<>();
    private HttpServer server;
    private KeyPair organization;
    private ActionSignature signature;

    private static String sign(KeyPair keys, byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(message);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    @BeforeEach
    void aQueryServiceWithASignedEndorsement() throws Exception {
        organization = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String publicKey = Ed25519.encode(organization.getPublic());
        String keyNonce = "nonce-key-0123456789";
        SigningKeyRegistered key = new SigningKeyRegistered(
                ORG,
                K1,
                publicKey,
                REGISTERED,
                "credential:c1",
                new KeyCertification(
                        K1,
                        REGISTERED,
                        keyNonce,
                        sign(
                                organization,
                                SignedMessages.keyCertification(ORG, K1, publicKey, K1, REGISTERED, keyNonce))),
                null,
                AssuranceLevel.ORGANIZATION_KEY);
        String nonce = "nonce-endorse-01234";
        signature = new ActionSignature(
                K1,
                HASH,
                SIGNED,
                nonce,
                sign(
                        organization,
                        SignedMessages.action(SignedMessages.Action.ENDORSE, STATEMENT, HASH, ORG, SIGNED, nonce)));
        aQueryServiceServingTheSignature();
        answers.put("/api/statements/icc", "{\"endorsementCount\":1}");
        answers.put("/api/statements/icc/assurance", "[{\"assurance\":\"organization-key\",\"signatories\":1}]");
        answers.put(
                "/api/statements/icc/endorsements?size=500&page=0",
                "{\"items\":[{\"organizationId\":\"provea\",\"signerOpening\":\"" + OPENING + "\"}],\"totalPages\":1}");
        answers.put(
                "/api/organizations/provea/history?size=500&page=0",
                JSON.writeValueAsString(Map.of("items", organizationHistory(key), "totalPages", 1)));
        auditTrailWith(signature.value());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String answer = answers.get(exchange.getRequestURI().toString());
            byte[] body = (answer == null ? "{}" : answer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The organization's key history: its handed-over API key, rotated by itself, then its first key. */
    private List<org.endorsements.events.EndorsementEvent> keyHistory;

    private List<Map<String, Object>> organizationHistory(SigningKeyRegistered key) throws Exception {
        keyHistory = List.of(
                new ApiCredentialIssued(
                        ORG,
                        "c0",
                        "cd".repeat(32),
                        REGISTERED.minusSeconds(60),
                        "admin",
                        AssuranceLevel.ORGANIZATION_CREDENTIAL),
                new ApiCredentialRevoked(ORG, "c0", REGISTERED.minusSeconds(30), "credential:c0"),
                new ApiCredentialIssued(
                        ORG,
                        "c1",
                        "ef".repeat(32),
                        REGISTERED.minusSeconds(30),
                        "credential:c0",
                        AssuranceLevel.ORGANIZATION_CREDENTIAL),
                key);
        return organizationHistory(keyHistory);
    }

    private static List<Map<String, Object>> organizationHistory(List<org.endorsements.events.EndorsementEvent> events)
            throws Exception {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (org.endorsements.events.EndorsementEvent event : events) {
            items.add(historyItem(event));
        }
        return items;
    }

    /** One event of the organization's history as the query service serves it. */
    private static Map<String, Object> historyItem(org.endorsements.events.EndorsementEvent event) throws Exception {
        return Map.of(
                "type",
                EventMessageFormat.typeOf(event.getClass()),
                "payload",
                JSON.readTree(EventMessageFormat.encode(event)));
    }

    /** The log of statement icc as the query service serves it: the statement and the current signature's leaf. */
    private void aQueryServiceServingTheSignature() throws Exception {
        aQueryServiceServingTheSignature(null);
    }

    /** As above, the endorsement's leaf of version 3 when it commits to a key history. */
    private void aQueryServiceServingTheSignature(org.endorsements.events.KeyHistoryCommitment keys) throws Exception {
        byte[] published = new LogLeaf("e0", "StatementPublished", "icc", HASH, "2026-12-01T07:00:00Z", null, null)
                .canonicalBytes();
        byte[] endorsed = new LogLeaf(
                        "e1",
                        "EndorsementAdded",
                        "icc",
                        HASH,
                        "2026-12-01T09:00:01Z",
                        "api",
                        LogLeaf.commitment(OPENING, ORG.value()),
                        K1.value(),
                        LogLeaf.signatureDigest(signature.value()),
                        keys == null ? null : keys.length(),
                        keys == null ? null : keys.digest())
                .canonicalBytes();
        CompactTree tree = new CompactTree();
        tree.append(Hashes.leaf(published));
        tree.append(Hashes.leaf(endorsed));
        answers.put(
                "/api/statements/icc/log/checkpoint",
                SignedNote.sign(
                        new SignedNote.Checkpoint("endorsements.local/statements/icc", 2, tree.root()),
                        "endorsements.local",
                        LOG.getPrivate(),
                        LOG.getPublic()));
        answers.put(
                "/api/statements/icc/log/leaves?start=0&end=2",
                JSON.writeValueAsString(Map.of(
                        "leaves",
                        List.of(
                                Base64.getEncoder().encodeToString(published),
                                Base64.getEncoder().encodeToString(endorsed)))));
    }

    /** The statement's audit trail as the view store holds it, the endorsement's signature value as given. */
    private void auditTrailWith(String signatureValue) throws Exception {
        auditTrailWith(signatureValue, payload -> {});
    }

    private void auditTrailWith(String signatureValue, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree(EventMessageFormat.encode(new EndorsementAdded(
                STATEMENT,
                ORG,
                "Provea",
                HASH,
                SIGNED,
                "credential:c1",
                org.endorsements.events.EndorsementSource.API,
                "r",
                OPENING,
                null,
                EndorsementVisibility.DEFAULT,
                signature,
                AssuranceLevel.ORGANIZATION_KEY,
                null)));
        ((ObjectNode) payload.path("signature")).put("value", signatureValue);
        edit.accept(payload);
        answers.put(
                "/api/statements/icc/history?size=500&page=0",
                JSON.writeValueAsString(Map.of(
                        "items",
                        List.of(Map.of(
                                "type",
                                EventMessageFormat.typeOf(EndorsementAdded.class),
                                "organizationId",
                                "provea",
                                "eventId",
                                "e1",
                                "payload",
                                payload)),
                        "totalPages",
                        1)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int verifyLog(ByteArrayOutputStream errors) {
        return verifyLog("icc", new ByteArrayOutputStream(), errors);
    }

    private int verifyLog(String statement, ByteArrayOutputStream output, ByteArrayOutputStream errors) {
        return verifyLog(statement, output, errors, new String[0]);
    }

    private int verifyLog(
            String statement, ByteArrayOutputStream output, ByteArrayOutputStream errors, String... more) {
        PrintStream original = System.err;
        PrintStream originalOut = System.out;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new java.util.ArrayList<>(List.of(
                    statement,
                    "--query-url",
                    "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--key",
                    LOG_KEY,
                    "--auditor-key",
                    "auditor"));
            args.addAll(List.of(more));
            return new CommandLine(new VerifyLogCommand()).execute(args.toArray(String[]::new));
        } finally {
            System.setErr(original);
            System.setOut(originalOut);
        }
    }

    @Test
    void aLogHoldingVersionOneAndVersionTwoLeavesVerifiesWithEverySignature() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(errors))
                .as(errors.toString(StandardCharsets.UTF_8))
                .isZero();
    }

    @Test
    void aVersionThreeLeafWhoseKeyHistoryTheViewStoreHoldsUneditedVerifies() throws Exception {
        aQueryServiceServingTheSignature(org.endorsements.events.KeyHistoryCommitment.of(keyHistory));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(errors))
                .as(errors.toString(StandardCharsets.UTF_8))
                .isZero();
    }

    /**
     * The view store's key history edited after the fact: the API key that registered the first key said to be one
     * the organization rotated itself, where the admin had issued it (which would raise the key to organization-key).
     */
    @Test
    void anEditedKeyHistoryInTheViewStoreFailsNamingTheLeafThatCommitsToIt() throws Exception {
        List<org.endorsements.events.EndorsementEvent> recorded = new java.util.ArrayList<>(keyHistory);
        recorded.set(
                2,
                new ApiCredentialIssued(
                        ORG,
                        "c1",
                        "ef".repeat(32),
                        REGISTERED.minusSeconds(30),
                        "admin",
                        AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));
        aQueryServiceServingTheSignature(org.endorsements.events.KeyHistoryCommitment.of(recorded));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(errors)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("the leaf of event e1: the key history given differs from the one its leaf commits to");
    }

    @Test
    void oneSignatureByteChangedInTheViewStoreFailsNamingTheLeaf() throws Exception {
        byte[] raw = Base64.getDecoder().decode(signature.value());
        raw[5] ^= 1;
        auditTrailWith(Base64.getEncoder().encodeToString(raw));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(errors)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("the leaf of event e1");
    }

    private static final String MODERATED = "mod";

    private static byte[] moderatedLeaf(String eventId, String type, String source, String signer) {
        return moderatedLeaf(eventId, type, source, signer, "2026-12-01T10:00:00Z");
    }

    private static byte[] moderatedLeaf(String eventId, String type, String source, String signer, String time) {
        return new LogLeaf(eventId, type, MODERATED, HASH, time, source, signer).canonicalBytes();
    }

    @Test
    void aLeafDatedBeforeThePreviousOneFailsNamingTheLeaf() throws Exception {
        String provea = LogLeaf.commitment(OPENING, ORG.value());
        serveModeratedLog(List.of(
                moderatedLeaf("m0", "StatementPublished", null, null, "2026-12-01T10:00:00Z"),
                moderatedLeaf("m1", "EndorsementAdded", "api", provea, "2026-12-01T10:05:00Z"),
                moderatedLeaf("m2", "EndorsementInvalidated", null, provea, "2026-12-01T10:04:00Z"),
                moderatedLeaf("m3", "EndorsementReinstated", null, provea, "2026-12-01T10:06:00Z")));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(MODERATED, new ByteArrayOutputStream(), errors)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("leaf 2 is dated 2026-12-01T10:04:00Z, before leaf 1")
                .doesNotContain("leaf 3 is dated");
    }

    /** Two commands stamp their events a moment apart and commit in the other order: no back-dating. */
    @Test
    void aLeafDatedAMomentBeforeThePreviousOneAsConcurrentCommitsDateThemVerifies() throws Exception {
        String provea = LogLeaf.commitment(OPENING, ORG.value());
        serveModeratedLog(List.of(
                moderatedLeaf("m0", "StatementPublished", null, null, "2026-12-01T10:00:00.200Z"),
                moderatedLeaf("m1", "EndorsementAdded", "api", provea, "2026-12-01T10:00:00.100Z"),
                moderatedLeaf("m2", "EndorsementInvalidated", null, provea, "2026-12-01T10:01:00Z"),
                moderatedLeaf("m3", "EndorsementReinstated", null, provea, "2026-12-01T10:02:00Z")));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(MODERATED, new ByteArrayOutputStream(), errors))
                .as(errors.toString(StandardCharsets.UTF_8))
                .isZero();
    }

    /**
     * The log of statement {@code mod} as the query service serves it, leaves as given, checkpoint signed over them:
     * the statement, provea's (unsigned) endorsement, its invalidation and its reinstatement.
     */
    private void serveModeratedLog(List<byte[]> leaves) throws Exception {
        CompactTree tree = new CompactTree();
        leaves.forEach(leaf -> tree.append(Hashes.leaf(leaf)));
        serveModeratedLog(leaves, tree.root());
    }

    private void serveModeratedLog(List<byte[]> leaves, byte[] signedRoot) throws Exception {
        String base = "/api/statements/" + MODERATED;
        answers.put(
                base + "/log/checkpoint",
                SignedNote.sign(
                        new SignedNote.Checkpoint(
                                "endorsements.local/statements/" + MODERATED, leaves.size(), signedRoot),
                        "endorsements.local",
                        LOG.getPrivate(),
                        LOG.getPublic()));
        answers.put(
                base + "/log/leaves?start=0&end=" + leaves.size(),
                JSON.writeValueAsString(Map.of(
                        "leaves",
                        leaves.stream().map(Base64.getEncoder()::encodeToString).toList())));
        answers.put(base, "{\"endorsementCount\":1}");
        answers.put(base + "/assurance", "[{\"assurance\":\"admin-issued-credential\",\"signatories\":1}]");
        answers.put(
                base + "/endorsements?size=500&page=0",
                "{\"items\":[{\"organizationId\":\"provea\",\"signerOpening\":\"" + OPENING + "\"}],\"totalPages\":1}");
        answers.put(
                base + "/history?size=500&page=0",
                JSON.writeValueAsString(Map.of(
                        "items",
                        List.of(
                                Map.of(
                                        "type",
                                        EventMessageFormat.typeOf(EndorsementAdded.class),
                                        "organizationId",
                                        "provea",
                                        "eventId",
                                        "m1",
                                        "payload",
                                        Map.of("signerOpening", OPENING)),
                                Map.of(
                                        "type",
                                        EventMessageFormat.typeOf(EndorsementInvalidated.class),
                                        "organizationId",
                                        "provea",
                                        "eventId",
                                        "m2",
                                        "payload",
                                        Map.of("reason", "forged")),
                                Map.of(
                                        "type",
                                        EventMessageFormat.typeOf(EndorsementReinstated.class),
                                        "organizationId",
                                        "provea",
                                        "eventId",
                                        "m3",
                                        "payload",
                                        Map.of("reason", "confirmed"))),
                        "totalPages",
                        1)));
    }

    private static List<byte[]> moderatedLeaves(String invalidationSigner) {
        String provea = LogLeaf.commitment(OPENING, ORG.value());
        return List.of(
                moderatedLeaf("m0", "StatementPublished", null, null),
                moderatedLeaf("m1", "EndorsementAdded", "api", provea),
                moderatedLeaf("m2", "EndorsementInvalidated", null, invalidationSigner),
                moderatedLeaf("m3", "EndorsementReinstated", null, provea));
    }

    @Test
    void aLogWithAnInvalidationAndAReinstatementVerifiesAndCountsThem() throws Exception {
        serveModeratedLog(moderatedLeaves(LogLeaf.commitment(OPENING, ORG.value())));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(MODERATED, output, errors))
                .as(errors.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains(
                        "1 endorsements, 0 re-confirmations, 0 withdrawals, 1 invalidations, 1 reinstatements, 1 currently")
                .contains("all 3 endorsement events are in the log");
    }

    @Test
    void anInvalidationLeafRewrittenToAnotherSignerFailsNamingItsEvent() throws Exception {
        serveModeratedLog(moderatedLeaves(LogLeaf.commitment(OPENING, "codhez")));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(MODERATED, new ByteArrayOutputStream(), errors)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("the log's leaf for event m2 does not commit to provea");
    }

    @Test
    void anInvalidationLeafChangedAfterTheCheckpointWasSignedFailsOnTheRoot() throws Exception {
        List<byte[]> signed = moderatedLeaves(LogLeaf.commitment(OPENING, ORG.value()));
        CompactTree tree = new CompactTree();
        signed.forEach(leaf -> tree.append(Hashes.leaf(leaf)));
        List<byte[]> served = new java.util.ArrayList<>(signed);
        served.set(2, moderatedLeaf("m2", "EndorsementWithdrawn", null, LogLeaf.commitment(OPENING, ORG.value())));
        serveModeratedLog(served, tree.root());
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(MODERATED, new ByteArrayOutputStream(), errors)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("differs from the signed checkpoint");
    }

    @Test
    void aReinstatementMissingFromTheLogFailsNamingItsEvent() throws Exception {
        serveModeratedLog(
                moderatedLeaves(LogLeaf.commitment(OPENING, ORG.value())).subList(0, 3));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(MODERATED, new ByteArrayOutputStream(), errors)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("event m3 of provea is in the audit trail, not in the log");
    }

    @Test
    void anAuditTrailClaimingOrganizationKeyForAnUnsignedEndorsementIsRejected() throws Exception {
        serveModeratedLog(moderatedLeaves(LogLeaf.commitment(OPENING, ORG.value())));
        String history = answers.get("/api/statements/" + MODERATED + "/history?size=500&page=0");
        answers.put(
                "/api/statements/" + MODERATED + "/history?size=500&page=0",
                history.replace(
                        "{\"signerOpening\":\"" + OPENING + "\"}",
                        "{\"signerOpening\":\"" + OPENING
                                + "\",\"assurance\":\"organization-key\",\"actor\":\"credential:c1\"}"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(MODERATED, new ByteArrayOutputStream(), errors)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("the leaf of event m1: claims organization-key but its history proves at most"
                        + " organization-credential");
    }

    /** provea's endorsement signed over the version 2 message asking to be counted, recorded as given. */
    private void aSignatureAskingToBeCountedRecordedAs(String recordedVisibility) throws Exception {
        String nonce = "nonce-endorse-01234";
        signature = new ActionSignature(
                K1,
                HASH,
                SIGNED,
                nonce,
                sign(
                        organization,
                        SignedMessages.endorsement(STATEMENT, HASH, ORG, EndorsementVisibility.COUNTED, SIGNED, nonce)),
                EndorsementVisibility.COUNTED);
        aQueryServiceServingTheSignature();
        auditTrailWith(signature.value(), payload -> payload.put("visibility", recordedVisibility));
    }

    @Test
    void anEndorsementSignedToBeCountedButRecordedAndListedPublicIsRejected() throws Exception {
        aSignatureAskingToBeCountedRecordedAs("public");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(errors)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("records visibility public but its signature asked for counted")
                .contains("the public list names provea, whose signed endorsement asked to be counted");
    }

    @TempDir
    java.nio.file.Path dir;

    private String anchorsFile(String line) throws Exception {
        java.nio.file.Path file = dir.resolve("anchors.txt");
        java.nio.file.Files.writeString(file, "# published first keys\n" + line + "\n");
        return file.toString();
    }

    @Test
    void anOrganizationKeyEndorsementWhoseFirstKeyMatchesTheAnchorIsShownAnchored() throws Exception {
        String fingerprint = Ed25519.fingerprint(Ed25519.encode(organization.getPublic()));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int exit = verifyLog(
                "icc",
                output,
                errors,
                "--anchors",
                anchorsFile("provea " + fingerprint + " https://provea.example/keys"),
                "--require-anchors");

        assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("Anchors: organization-key anchored for provea (1 event): first key k1, fingerprint "
                        + fingerprint + ", is the one provea published at https://provea.example/keys");
    }

    @Test
    void anOrganizationKeyEndorsementWhoseFirstKeyContradictsTheAnchorFailsNamingTheEvent() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        int exit = verifyLog(
                "icc", new ByteArrayOutputStream(), errors, "--anchors", anchorsFile("provea " + "ab".repeat(32)));

        assertThat(exit).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("the leaf of event e1: claims organization-key, but the first key k1 of provea has"
                        + " fingerprint");
    }

    /** A pin added to the view store after the history the leaf commits to is not the one its claim is shown with. */
    @Test
    void aPinAddedAfterTheCommittedKeyHistoryIsNotTheOneAClaimIsShownWith() throws Exception {
        aQueryServiceServingTheSignature(org.endorsements.events.KeyHistoryCommitment.of(keyHistory));
        List<org.endorsements.events.EndorsementEvent> later = new java.util.ArrayList<>(keyHistory);
        later.add(new org.endorsements.events.SigningKeyPinned(
                ORG,
                Ed25519.fingerprint(Ed25519.encode(organization.getPublic())),
                "https://operator.example/keys",
                SIGNED.plusSeconds(3600),
                "admin"));
        answers.put(
                "/api/organizations/provea/history?size=500&page=0",
                JSON.writeValueAsString(Map.of("items", organizationHistory(later), "totalPages", 1)));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog("icc", output, errors))
                .as(errors.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("organization-key shown for provea is unanchored: no pin on record")
                .doesNotContain("operator.example");
    }

    @Test
    void withoutAnAnchorTheLevelIsReportedUnanchoredAndRequiringAnchorsFails() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog("icc", output, errors))
                .as(errors.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("organization-key shown for provea is unanchored: no pin on record");

        ByteArrayOutputStream required = new ByteArrayOutputStream();
        assertThat(verifyLog("icc", new ByteArrayOutputStream(), required, "--require-anchors"))
                .isEqualTo(1);
        assertThat(required.toString(StandardCharsets.UTF_8))
                .contains("the leaf of event e1: claims organization-key, unanchored");
    }

    private void listedAt(String level) {
        answers.put(
                "/api/statements/" + MODERATED + "/endorsements?size=500&page=0",
                "{\"items\":[{\"organizationId\":\"provea\",\"signerOpening\":\"" + OPENING + "\",\"assurance\":\""
                        + level + "\"}],\"totalPages\":1}");
    }

    /** The reinstatement recorded admin-issued-credential: a public list showing more is the operator's claim. */
    @Test
    void aPublicListShowingAHigherLevelThanTheEndorsementInForceProvesFailsNamingIt() throws Exception {
        serveModeratedLog(moderatedLeaves(LogLeaf.commitment(OPENING, ORG.value())));
        listedAt("organization-credential");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(MODERATED, new ByteArrayOutputStream(), errors)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("the public list shows provea at organization-credential, but its endorsement in force"
                        + " (event m3) proves at most admin-issued-credential");
    }

    @Test
    void aPublicListShowingTheLevelAReinstatementRecordedVerifies() throws Exception {
        serveModeratedLog(moderatedLeaves(LogLeaf.commitment(OPENING, ORG.value())));
        String history = answers.get("/api/statements/" + MODERATED + "/history?size=500&page=0");
        answers.put(
                "/api/statements/" + MODERATED + "/history?size=500&page=0",
                history.replace(
                        "{\"reason\":\"confirmed\"}",
                        "{\"reason\":\"confirmed\",\"assurance\":\"admin-issued-credential\"}"));
        listedAt("admin-issued-credential");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(MODERATED, new ByteArrayOutputStream(), errors))
                .as(errors.toString(StandardCharsets.UTF_8))
                .isZero();
    }

    @Test
    void aReinstatementClaimingMoreThanAnAdminVouchesForIsRejected() throws Exception {
        serveModeratedLog(moderatedLeaves(LogLeaf.commitment(OPENING, ORG.value())));
        String history = answers.get("/api/statements/" + MODERATED + "/history?size=500&page=0");
        answers.put(
                "/api/statements/" + MODERATED + "/history?size=500&page=0",
                history.replace(
                        "{\"reason\":\"confirmed\"}", "{\"reason\":\"confirmed\",\"assurance\":\"organization-key\"}"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(MODERATED, new ByteArrayOutputStream(), errors)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("the leaf of event m3: claims organization-key but its history proves at most"
                        + " admin-issued-credential (an admin's reinstatement)");
    }

    @Test
    void publicCountsClaimingMoreSignatoriesAtALevelThanTheAuditTrailProvesFail() throws Exception {
        serveModeratedLog(moderatedLeaves(LogLeaf.commitment(OPENING, ORG.value())));
        answers.put(
                "/api/statements/" + MODERATED + "/assurance",
                "[{\"assurance\":\"organization-key\",\"signatories\":1}]");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();

        assertThat(verifyLog(MODERATED, new ByteArrayOutputStream(), errors)).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("the public counts show 1 signatories at organization-key, the audit trail proves 0");
    }
}
