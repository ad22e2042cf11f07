package org.endorsements.command.endorsement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.endorsements.command.organization.CredentialIssued;
import org.endorsements.command.organization.Organization;
import org.endorsements.command.organization.RegisterSigningKeyCommand;
import org.endorsements.command.organization.SigningKeyFingerprintPinned;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Caller;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.KeyCertification;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.SigningKeyRegistered;
import org.endorsements.events.StatementId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An organization needs none of our code to sign: keys made and messages signed by OpenSSL 3's command line, as
 * the README's recipe does it ({@code genpkey}, {@code pkey -pubout -outform DER}, {@code pkeyutl -sign -rawin}),
 * verify in the aggregates.
 */
class OpenSslInteroperabilityTest {

    private static final StatementId STATEMENT = StatementId.of("icc-statement");
    private static final OrganizationId ORG = OrganizationId.of("acceso-a-la-justicia");
    private static final String HASH = "a".repeat(64);
    private static final String OPENING = "0f".repeat(32);
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final Caller ORG_KEY = Caller.organization(ORG, "cred-1");
    private static final SigningKeyId K1 = SigningKeyId.of("openssl-1");
    private static final String NONCE = "c0ffee0123456789c0ffee0123456789";

    @TempDir
    Path dir;

    private Path privateKey;
    private String publicKey;

    @BeforeEach
    void generateAKeyPairWithOpenSsl() throws Exception {
        privateKey = dir.resolve("key.pem");
        openssl("genpkey", "-algorithm", "ed25519", "-out", privateKey.toString());
        Path der = dir.resolve("pub.der");
        openssl("pkey", "-in", privateKey.toString(), "-pubout", "-outform", "DER", "-out", der.toString());
        byte[] spki = Files.readAllBytes(der);
        publicKey = Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    private String opensslSign(byte[] message) throws Exception {
        Path in = Files.write(dir.resolve("message"), message);
        Path out = dir.resolve("signature");
        openssl(
                "pkeyutl",
                "-sign",
                "-rawin",
                "-inkey",
                privateKey.toString(),
                "-in",
                in.toString(),
                "-out",
                out.toString());
        return Base64.getEncoder().encodeToString(Files.readAllBytes(out));
    }

    /** The key's fingerprint as docs/signing.md has an organization compute it: OpenSSL's SHA-256 of the raw key. */
    private String opensslFingerprint() throws Exception {
        Path raw = Files.write(dir.resolve("pub.raw"), Base64.getDecoder().decode(publicKey));
        Path out = dir.resolve("fingerprint");
        openssl("dgst", "-sha256", "-r", "-out", out.toString(), raw.toString());
        return Files.readString(out).substring(0, 64);
    }

    private void openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile())
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("openssl %s: %s", command, Files.readString(dir.resolve("openssl.log")))
                .isZero();
    }

    @Test
    void anEndorsementSignedByOpenSslIsRecordedAsOrganizationKey() throws Exception {
        FixtureConfiguration<Endorsement> fixture = new AggregateTestFixture<>(Endorsement.class);
        fixture.registerInjectableResource(new EndorsementTest.StubRules());
        fixture.registerInjectableResource((SignerOpenings) () -> OPENING);
        StubAssuranceRules assurances = new StubAssuranceRules(HASH);
        assurances.currentKeys.put(K1, new AssuranceRules.SigningKey(publicKey, AssuranceLevel.ORGANIZATION_KEY));
        fixture.registerInjectableResource(assurances);
        byte[] message = SignedMessages.action(SignedMessages.Action.ENDORSE, STATEMENT, HASH, ORG, NOW, NONCE);
        ActionSignature signature = new ActionSignature(K1, HASH, NOW, NONCE, opensslSign(message));

        fixture.givenNoPriorActivity()
                .when(
                        new EndorseStatementCommand(
                                new EndorsementId(STATEMENT, ORG), EndorsementSource.API, null, "r", NOW, signature),
                        Map.of(CallerMetaData.KEY, ORG_KEY))
                .expectEvents(new EndorsementAdded(
                        STATEMENT,
                        ORG,
                        "Acceso a la Justicia",
                        HASH,
                        NOW,
                        "credential:cred-1",
                        EndorsementSource.API,
                        "r",
                        OPENING,
                        null,
                        EndorsementVisibility.DEFAULT,
                        signature,
                        AssuranceLevel.ORGANIZATION_KEY,
                        null));
    }

    @Test
    void aFirstKeyCertifiedByOpenSslIsRegistered() throws Exception {
        FixtureConfiguration<Organization> fixture = new AggregateTestFixture<>(Organization.class);
        byte[] message = SignedMessages.keyCertification(ORG, K1, publicKey, K1, NOW, NONCE);
        KeyCertification certification = new KeyCertification(K1, NOW, NONCE, opensslSign(message));
        assertThat(new String(message, StandardCharsets.UTF_8)).startsWith(SignedMessages.KEY_DOMAIN + "\n");

        fixture.given(
                        new OrganizationRegistered(ORG, "Acceso a la Justicia", null, null, null, null, NOW, "admin"),
                        // The key the organization rotated to from the one it was handed over.
                        new CredentialIssued(
                                ORG,
                                "cred-1",
                                "1".repeat(64),
                                NOW,
                                "credential:cred-0",
                                AssuranceLevel.ORGANIZATION_CREDENTIAL),
                        // The fingerprint the organization published, as `sha256sum` printed it, pinned by an admin.
                        new SigningKeyFingerprintPinned(
                                ORG, opensslFingerprint(), "https://example.org/keys", NOW, "admin"))
                .when(
                        new RegisterSigningKeyCommand(ORG, K1, publicKey, certification, null, NOW),
                        Map.of(CallerMetaData.KEY, ORG_KEY))
                .expectEvents(new SigningKeyRegistered(
                        ORG,
                        K1,
                        publicKey,
                        NOW,
                        "credential:cred-1",
                        certification,
                        null,
                        AssuranceLevel.ORGANIZATION_KEY));
    }
}
