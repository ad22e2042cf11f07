package org.endorsements.transparency.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.endorsements.transparency.Ed25519Keys;
import org.endorsements.transparency.SignedNote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness over real HTTP, through the client the platform uses. */
class WitnessServerTest {

    private static final String ORIGIN = "endorsements.local/statements/icc";

    @TempDir
    Path dir;

    private final TestLog log = new TestLog(ORIGIN).grow(3, "a");
    private final HttpClient http = HttpClient.newHttpClient();
    private final WitnessClient client = new WitnessClient(Duration.ofSeconds(5));
    private Witness witness;
    private WitnessServer server;

    @BeforeEach
    void start() throws IOException {
        witness = new Witness(
                "witness.test/w1",
                Ed25519Keys.generate(),
                Witness.WitnessedLogs.parse(List.of(ORIGIN + "=" + log.vkey())),
                new WitnessState(dir),
                Clock.systemUTC());
        server = new WitnessServer(witness, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void theClientRefusesAWitnessAnswerLargerThanAnyCosignature() throws IOException {
        com.sun.net.httpserver.HttpServer flooding =
                com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        flooding.createContext("/add-checkpoint", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] line = "\u2014 witness.test/w1 AAAA\n".getBytes(StandardCharsets.UTF_8);
            try (var out = exchange.getResponseBody()) {
                for (int i = 0; i < 100_000; i++) {
                    out.write(line);
                }
            } catch (IOException clientGone) {
                // the client stopped reading, as it should
            }
        });
        flooding.start();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.addCheckpoint(
                            "http://127.0.0.1:" + flooding.getAddress().getPort(), witness.verifier(), log.request(0)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("more than");
        } finally {
            flooding.stop(0);
        }
    }

    @Test
    void theClientGetsACosignatureThatVerifies() throws IOException {
        WitnessClient.Result result = client.addCheckpoint(url(), witness.verifier(), log.request(0));
        assertThat(result).isInstanceOf(WitnessClient.Cosigned.class);
        String note = log.checkpoint()
                + ((WitnessClient.Cosigned) result).cosignatures().get(0).line();
        assertThat(SignedNote.verify(
                                note,
                                List.of(log.vkey()),
                                List.of(witness.verifier().encode()),
                                1)
                        .witnesses())
                .hasSize(1);
    }

    @Test
    void theClientLearnsTheWitnessSizeFromA409() throws IOException {
        client.addCheckpoint(url(), witness.verifier(), log.request(0));
        log.grow(2, "a");
        assertThat(client.addCheckpoint(url(), witness.verifier(), log.request(0)))
                .isEqualTo(new WitnessClient.Conflict(3));
    }

    @Test
    void aConflictIsAnsweredAsTextTlogSize() throws Exception {
        client.addCheckpoint(url(), witness.verifier(), log.request(0));
        log.grow(2, "a");
        HttpResponse<String> response = post(log.request(1).encode());
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/x.tlog.size");
        assertThat(response.body()).isEqualTo("3\n");
    }

    @Test
    void monitorsReadTheLatestCosignedCheckpointByOriginHash() throws Exception {
        client.addCheckpoint(url(), witness.verifier(), log.request(0));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url() + "/" + WitnessState.originHash(ORIGIN) + "/checkpoint"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SignedNote.verify(
                                response.body(),
                                List.of(log.vkey()),
                                List.of(witness.verifier().encode()),
                                1)
                        .checkpoint()
                        .size())
                .isEqualTo(3);
    }

    @Test
    void aGetOfAddCheckpointIsRefused() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url() + "/add-checkpoint")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void anOversizedBodyIsRefused() throws Exception {
        assertThat(post("old 0\n" + "A".repeat(WitnessServer.MAX_BODY)).statusCode())
                .isEqualTo(413);
    }

    @Test
    void aCosignatureOfOurWitnessVerifiesWithTheIndependentVerifier() throws Exception {
        WitnessClient.Cosigned result =
                (WitnessClient.Cosigned) client.addCheckpoint(url(), witness.verifier(), log.request(0));
        String note = log.checkpoint() + result.cosignatures().get(0).line();
        assertThat(org.endorsements.transparency.SpecNoteVerifierAccess.verify(
                        note, List.of(log.vkey(), witness.verifier().encode())))
                .containsExactly(TestLog.KEY_NAME, "witness.test/w1");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url() + "/add-checkpoint"))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
