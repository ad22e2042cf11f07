package org.endorsements.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.KeyCertification;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.StatementId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeysAndSignTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH = "ab".repeat(32);

    @TempDir
    Path dir;

    private static String run(Object command, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(command).execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private static String field(JsonNode node, String name) {
        return node.path(name).asText();
    }

    @Test
    void anEndorsementSignedWithAGeneratedKeyVerifiesWithThePrintedPublicKey() throws Exception {
        Path key = dir.resolve("signing.pem");
        String publicKey = run(new KeysCommand(), "generate", "--out", key.toString());

        JsonNode body = JSON.readTree(run(
                        new SignCommand(),
                        "--key",
                        key.toString(),
                        "--organization",
                        "provea",
                        "--content-hash",
                        HASH,
                        "endorse",
                        "icc"))
                .path("signature");

        ActionSignature signature = new ActionSignature(
                SigningKeyId.of(field(body, "keyId")),
                field(body, "contentHash"),
                Instant.parse(field(body, "signedAt")),
                field(body, "nonce"),
                field(body, "value"));
        assertThat(signature.verifies(
                        publicKey, SignedMessages.Action.ENDORSE, StatementId.of("icc"), OrganizationId.of("provea")))
                .isTrue();
    }

    @Test
    void aFirstKeyCertifiesItself() throws Exception {
        Path key = dir.resolve("signing.pem");
        String publicKey = run(new KeysCommand(), "generate", "--out", key.toString());

        JsonNode body = JSON.readTree(run(
                new SignCommand(),
                "--key",
                key.toString(),
                "--organization",
                "provea",
                "--key-id",
                "k1",
                "certify-key",
                "k1",
                publicKey));

        JsonNode c = body.path("certification");
        KeyCertification certification = new KeyCertification(
                SigningKeyId.of(field(c, "signerKeyId")),
                Instant.parse(field(c, "signedAt")),
                field(c, "nonce"),
                field(c, "value"));
        assertThat(certification.verifies(publicKey, OrganizationId.of("provea"), SigningKeyId.of("k1"), publicKey))
                .isTrue();
    }

    @Test
    void openSslReadsTheGeneratedKeyFileAndFindsTheSamePublicKey() throws Exception {
        Path key = dir.resolve("signing.pem");
        String publicKey = run(new KeysCommand(), "generate", "--out", key.toString());
        Path der = dir.resolve("pub.der");

        Process openssl = new ProcessBuilder(
                        "openssl", "pkey", "-in", key.toString(), "-pubout", "-outform", "DER", "-out", der.toString())
                .redirectErrorStream(true)
                .start();

        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).isZero();
        byte[] spki = Files.readAllBytes(der);
        assertThat(java.util.Base64.getEncoder()
                        .encodeToString(java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length)))
                .isEqualTo(publicKey);
    }
}
