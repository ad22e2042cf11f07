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
import org.endorsements.events.EndorsementVisibility;
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
                field(body, "value"),
                EndorsementVisibility.fromWire(field(body, "visibility")));
        assertThat(signature.visibility()).isEqualTo(EndorsementVisibility.PUBLIC);
        assertThat(signature.verifies(
                        publicKey, SignedMessages.Action.ENDORSE, StatementId.of("icc"), OrganizationId.of("provea")))
                .isTrue();
    }

    @Test
    void anEndorsementThatAsksToBeCountedSignsTheVisibilityAndVerifiesOnlyAsCounted() throws Exception {
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
                        "--visibility",
                        "counted",
                        "endorse",
                        "icc"))
                .path("signature");

        ActionSignature counted = new ActionSignature(
                SigningKeyId.of(field(body, "keyId")),
                field(body, "contentHash"),
                Instant.parse(field(body, "signedAt")),
                field(body, "nonce"),
                field(body, "value"),
                EndorsementVisibility.fromWire(field(body, "visibility")));
        ActionSignature asPublic = new ActionSignature(
                counted.keyId(),
                counted.contentHash(),
                counted.signedAt(),
                counted.nonce(),
                counted.value(),
                EndorsementVisibility.PUBLIC);
        assertThat(counted.verifies(
                        publicKey, SignedMessages.Action.ENDORSE, StatementId.of("icc"), OrganizationId.of("provea")))
                .isTrue();
        assertThat(asPublic.verifies(
                        publicKey, SignedMessages.Action.ENDORSE, StatementId.of("icc"), OrganizationId.of("provea")))
                .isFalse();
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

    /** What a stand-in write API received, and answers with {@code status}. */
    private record Received(String method, String path, String authorization, String body) {}

    private static Received sendTo(int status, java.util.function.IntConsumer exit, Object command, String... args)
            throws Exception {
        java.util.concurrent.atomic.AtomicReference<Received> received =
                new java.util.concurrent.atomic.AtomicReference<>();
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.set(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] answer = "{\"status\":%d}".formatted(status).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            String[] all = java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(
                                    "--send",
                                    "--url",
                                    "http://127.0.0.1:" + server.getAddress().getPort(),
                                    "--api-key",
                                    "ek_organization"),
                            java.util.Arrays.stream(args))
                    .toArray(String[]::new);
            exit.accept(new CommandLine(command).execute(all));
        } finally {
            System.setOut(original);
            server.stop(0);
        }
        return received.get();
    }

    @Test
    void withSendASignedWithdrawalIsDeletedWithTheOrganizationsApiKeyAndItsSignatureVerifies() throws Exception {
        Path key = dir.resolve("signing.pem");
        String publicKey = run(new KeysCommand(), "generate", "--out", key.toString());

        Received request = sendTo(
                200,
                code -> assertThat(code).isZero(),
                new SignCommand(),
                "--key",
                key.toString(),
                "--organization",
                "provea",
                "--content-hash",
                HASH,
                "withdraw",
                "icc");

        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.path()).isEqualTo("/api/statements/icc/endorsements/provea");
        assertThat(request.authorization()).isEqualTo("Bearer ek_organization");
        JsonNode signed = JSON.readTree(request.body()).path("signature");
        ActionSignature signature = new ActionSignature(
                SigningKeyId.of(field(signed, "keyId")),
                field(signed, "contentHash"),
                Instant.parse(field(signed, "signedAt")),
                field(signed, "nonce"),
                field(signed, "value"));
        assertThat(signature.verifies(
                        publicKey, SignedMessages.Action.WITHDRAW, StatementId.of("icc"), OrganizationId.of("provea")))
                .isTrue();
    }

    @Test
    void withSendAKeyCertificationIsPutAtTheNewKeysAddress() throws Exception {
        Path key = dir.resolve("signing.pem");
        String publicKey = run(new KeysCommand(), "generate", "--out", key.toString());

        Received request = sendTo(
                201,
                code -> assertThat(code).isZero(),
                new SignCommand(),
                "--key",
                key.toString(),
                "--organization",
                "provea",
                "certify-key",
                "k1",
                publicKey);

        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).isEqualTo("/api/organizations/provea/signing-keys/k1");
        assertThat(JSON.readTree(request.body()).path("publicKey").asText()).isEqualTo(publicKey);
    }

    @Test
    void withSendARefusedRequestExitsNonZero() throws Exception {
        Path key = dir.resolve("signing.pem");
        run(new KeysCommand(), "generate", "--out", key.toString());

        sendTo(
                409,
                code -> assertThat(code).isEqualTo(1),
                new SignCommand(),
                "--key",
                key.toString(),
                "--organization",
                "provea",
                "--content-hash",
                HASH,
                "endorse",
                "icc");
    }
}
