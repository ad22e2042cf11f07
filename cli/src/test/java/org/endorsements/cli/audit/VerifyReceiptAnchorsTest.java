package org.endorsements.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * verify-receipt proves an organization-key claim only against the organization's own publication of its first key:
 * an anchor from a file, or fetched from the pin's source (a local HTTP server plays the organization's site). The
 * receipt is one endorsement signed by k2, which k1, the first key, certified.
 */
class VerifyReceiptAnchorsTest {

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
    private HttpServer site;
    private volatile String page = "";
    /** Key events of other organizations the receipt lists before provea's own. */
    private final List<Map<String, Object>> foreignKeys = new ArrayList<>();

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

    @BeforeEach
    void theOrganizationsSite() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/keys", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
    }

    @AfterEach
    void stop() {
        site.stop(0);
    }

    private String siteUrl() {
        return "http://127.0.0.1:" + site.getAddress().getPort() + "/keys";
    }

    private String firstKeyFingerprint() {
        return Ed25519.fingerprint(Ed25519.encode(k1.getPublic()));
    }

    private static Map<String, Object> event(Object event) throws Exception {
        return Map.of(
                "eventType",
                EventMessageFormat.typeOf(((org.endorsements.events.EndorsementEvent) event).getClass()),
                "payload",
                JSON.readTree(EventMessageFormat.encode((org.endorsements.events.EndorsementEvent) event)));
    }

    /** The admin's pin, as published with the organization's key history (fingerprint, source, who). */
    private Map<String, Object> pin(String source) {
        return Map.of(
                "eventType",
                "org.endorsements.SigningKeyPinned.v1",
                "payload",
                Map.of(
                        "organizationId",
                        ORG.value(),
                        "fingerprint",
                        firstKeyFingerprint(),
                        "source",
                        source,
                        "pinnedAt",
                        "2026-12-01T07:30:00Z",
                        "pinnedBy",
                        "admin"));
    }

    private Path receipt(String source) throws Exception {
        String first = Ed25519.encode(k1.getPublic());
        SigningKeyRegistered k1Registered = new SigningKeyRegistered(
                ORG,
                K1,
                first,
                REGISTERED,
                "credential:c1",
                new KeyCertification(
                        K1,
                        REGISTERED,
                        NONCE,
                        sign(k1, SignedMessages.keyCertification(ORG, K1, first, K1, REGISTERED, NONCE))),
                null,
                AssuranceLevel.ORGANIZATION_KEY);
        String second = Ed25519.encode(k2.getPublic());
        Instant later = REGISTERED.plusSeconds(60);
        SigningKeyRegistered k2Registered = new SigningKeyRegistered(
                ORG,
                K2,
                second,
                later,
                "credential:c1",
                new KeyCertification(
                        K1, later, NONCE, sign(k1, SignedMessages.keyCertification(ORG, K2, second, K1, later, NONCE))),
                null,
                AssuranceLevel.ORGANIZATION_KEY);
        ActionSignature signature = new ActionSignature(
                K2,
                HASH,
                SIGNED,
                NONCE,
                sign(k2, SignedMessages.endorsement(STATEMENT, HASH, ORG, EndorsementVisibility.PUBLIC, SIGNED, NONCE)),
                EndorsementVisibility.PUBLIC);
        byte[] leaf = new LogLeaf(
                        "e1",
                        "EndorsementAdded",
                        STATEMENT.value(),
                        HASH,
                        RECORDED,
                        "api",
                        LogLeaf.commitment(OPENING, ORG.value()),
                        K2.value(),
                        LogLeaf.signatureDigest(signature.value()))
                .canonicalBytes();
        String note = SignedNote.sign(
                new SignedNote.Checkpoint("endorsements.local/statements/icc", 1, Hashes.leaf(leaf)),
                "endorsements.local",
                LOG.getPrivate(),
                LOG.getPublic());
        List<Map<String, Object>> keys = new ArrayList<>();
        if (source != null) {
            keys.add(pin(source));
        }
        keys.addAll(foreignKeys);
        keys.add(event(k1Registered));
        keys.add(event(k2Registered));
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
        receipt.put("signingKeys", keys);
        receipt.put(
                "credentials",
                List.of(event(new ApiCredentialIssued(
                        ORG,
                        "c1",
                        "cd".repeat(32),
                        ROTATED,
                        "credential:c0",
                        AssuranceLevel.ORGANIZATION_CREDENTIAL))));
        Path file = dir.resolve("receipt.json");
        Files.writeString(file, JSON.writeValueAsString(receipt));
        return file;
    }

    private Path anchors(String line) throws Exception {
        Path file = dir.resolve("anchors.txt");
        Files.writeString(file, "# <organizationId> <fingerprint> [source]\n" + line + "\n");
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

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutAnchorsAnOrganizationKeyClaimIsShownUnanchoredNamingWhoPinnedItFromWhere() throws Exception {
        int exit = verify(receipt("https://provea.example/keys"));

        assertThat(exit).as(errors()).isZero();
        assertThat(output())
                .contains(
                        "derived level organization-key (unanchored: pinned by admin from https://provea.example/keys)")
                .contains("it rests on the operator's pin, not on the organization's own publication");
    }

    @Test
    void requiringAnchorsFailsAnUnanchoredClaim() throws Exception {
        int exit = verify(receipt("https://provea.example/keys"), "--require-anchors");

        assertThat(exit).isEqualTo(1);
        assertThat(errors())
                .contains("the latest leaf 0: claims organization-key, unanchored: pinned by admin from"
                        + " https://provea.example/keys (--require-anchors)");
    }

    @Test
    void aClaimWhoseFirstKeyMatchesTheAnchorsFileIsProvenAndSaysFromWhat() throws Exception {
        int exit = verify(
                receipt("https://provea.example/keys"),
                "--anchors",
                anchors("provea " + firstKeyFingerprint() + " provea's annual report, p. 2")
                        .toString(),
                "--require-anchors");

        assertThat(exit).as(errors()).isZero();
        assertThat(output())
                .contains("derived level organization-key (anchored: first key k1, fingerprint " + firstKeyFingerprint()
                        + ", is the one provea published at provea's annual report, p. 2)");
    }

    /** The admin registered a first key of its own with a copy of the handed-over API key, and pinned it itself. */
    @Test
    void aClaimWhoseFirstKeyContradictsTheAnchorFailsNamingTheEvent() throws Exception {
        int exit = verify(
                receipt("https://provea.example/keys"),
                "--anchors",
                anchors("provea " + "ab".repeat(32)).toString());

        assertThat(exit).isEqualTo(1);
        assertThat(errors())
                .contains("the latest leaf 0: claims organization-key, but the first key k1 of provea has fingerprint "
                        + firstKeyFingerprint() + ", and the anchor from");
    }

    @Test
    void aFingerprintThePinsSourceDocumentContainsIsAnAnchor() throws Exception {
        page = "<html><body><p>Our signing key: <code>" + firstKeyFingerprint().toUpperCase() + "</code></p></body>";

        int exit = verify(receipt(siteUrl()), "--fetch-anchors", "--require-anchors");

        assertThat(exit).as(errors()).isZero();
        assertThat(output())
                .contains("(anchored: first key k1, fingerprint " + firstKeyFingerprint()
                        + ", is the one provea published at " + siteUrl() + ")");
    }

    @Test
    void aPinsSourceDocumentWithoutTheFingerprintAnchorsNothing() throws Exception {
        page = "<html><body>We have not published a key.</body></html>";

        int exit = verify(receipt(siteUrl()), "--fetch-anchors", "--require-anchors");

        assertThat(exit).isEqualTo(1);
        assertThat(errors())
                .contains("unanchored: pinned by admin from " + siteUrl())
                .contains("the document at " + siteUrl() + " does not contain the pinned fingerprint");
    }

    @Test
    void aMalformedAnchorsFileIsAnErrorNamingTheLine() throws Exception {
        int exit = verify(
                receipt(null), "--anchors", anchors("provea not-a-fingerprint").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(errors()).contains("anchors.txt line 2");
    }

    /** Another organization's first key under the same id, listed first, is not provea's first key. */
    @Test
    void anotherOrganizationsKeyInTheReceiptIsNotTakenForTheFirstKey() throws Exception {
        KeyPair other = generate();
        OrganizationId codhez = OrganizationId.of("codhez");
        String publicKey = Ed25519.encode(other.getPublic());
        foreignKeys.add(event(new SigningKeyRegistered(
                codhez,
                K1,
                publicKey,
                REGISTERED,
                "credential:c1",
                new KeyCertification(
                        K1,
                        REGISTERED,
                        NONCE,
                        sign(other, SignedMessages.keyCertification(codhez, K1, publicKey, K1, REGISTERED, NONCE))),
                null,
                AssuranceLevel.ORGANIZATION_KEY)));

        int exit = verify(
                receipt("https://provea.example/keys"),
                "--anchors",
                anchors("provea " + firstKeyFingerprint()).toString());

        assertThat(exit).as(errors()).isZero();
        assertThat(output()).contains("(anchored: first key k1, fingerprint " + firstKeyFingerprint());
    }
}
