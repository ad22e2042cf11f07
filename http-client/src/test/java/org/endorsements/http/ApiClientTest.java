package org.endorsements.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiClientTest {

    private record Seen(String method, String uri, String authorization, String contentType, String body) {}

    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService answering = Executors.newCachedThreadPool();
    private HttpServer server;
    private ApiClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(answering);
        server.start();
        client = ApiClient.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
        answering.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body));
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/problem" ->
                reply(
                        exchange,
                        409,
                        "application/problem+json",
                        "{\"type\":\"https://endorsements.example/problems/already-closed\",\"title\":\"Closed\","
                                + "\"status\":409,\"detail\":\"The statement is closed.\"}");
            case "/write" -> {
                exchange.getResponseHeaders()
                        .add(
                                ConsistencyToken.HEADER,
                                new ConsistencyToken(AggregateType.ENDORSEMENT, "s:o", 3).encode());
                reply(exchange, 201, "application/json", "{\"statementId\":\"s\"}");
            }
            case "/text" -> reply(exchange, 200, "text/plain", "endorsements_relay_lag 0.0\n");
            case "/slow" -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(exchange, 200, "text/plain", "late");
            }
            default -> reply(exchange, 200, "application/json", "{\"ok\":true}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void aClientWithAKeySendsItAsABearerTokenWithTheBodyAsJson() throws Exception {
        client.withKey("secret-key").post("/api/organizations", Map.of("name", "Foro \"Penal\""));

        Seen request = seen.take();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/api/organizations");
        assertThat(request.authorization()).isEqualTo("Bearer secret-key");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"name\":\"Foro \\\"Penal\\\"\"}");
    }

    @Test
    void anAnonymousClientSendsNoAuthorizationAndARequestWithoutBodyHasNone() throws Exception {
        client.withKey("secret-key").withKey(" ").delete("/api/x");

        Seen request = seen.take();
        assertThat(request.authorization()).isNull();
        assertThat(request.contentType()).isNull();
        assertThat(request.body()).isEmpty();
    }

    @Test
    void aWritesPositionIsReadAsAConsistencyTokenAndSentBackAsMinPosition() throws Exception {
        ApiReply write = client.put("/write", null);
        ConsistencyToken token = write.position().orElseThrow();
        assertThat(token).isEqualTo(new ConsistencyToken(AggregateType.ENDORSEMENT, "s:o", 3));

        client.get("/api/statements/s?size=1", token);

        seen.take();
        assertThat(seen.take().uri()).isEqualTo("/api/statements/s?size=1&minPosition=" + token.encode());
    }

    @Test
    void anErrorAnswerCarriesItsProblemDetailsAndExpectThrowsThemTyped() throws Exception {
        ApiReply reply = client.post("/problem", Map.of());

        assertThat(reply.isSuccess()).isFalse();
        Problem problem = reply.problem().orElseThrow();
        assertThat(problem.type()).isEqualTo("https://endorsements.example/problems/already-closed");
        assertThat(problem.title()).isEqualTo("Closed");
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).isEqualTo("The statement is closed.");
        assertThatThrownBy(() -> reply.expect(201)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.problem()).contains(problem);
            assertThat(e)
                    .hasMessageContaining("POST /problem answered HTTP 409 (expected [201])")
                    .hasMessageContaining("The statement is closed.");
        });
    }

    @Test
    void aSuccessfulAnswerHasNoProblemAndPassesExpect() throws Exception {
        ApiReply reply = client.get("/anything");

        assertThat(reply.problem()).isEmpty();
        assertThat(reply.expect(200).expectSuccess().json().path("ok").asBoolean())
                .isTrue();
    }

    @Test
    void aBodyThatIsNotJsonIsTextAndItsJsonIsMissing() throws Exception {
        ApiReply reply = client.get("/text");

        assertThat(reply.body()).startsWith("endorsements_relay_lag");
        assertThat(reply.json().isMissingNode()).isTrue();
        assertThat(reply.json().path("items").path(0).asText("none")).isEqualTo("none");
    }

    @Test
    void anAsynchronousSendAnswersLikeASynchronousOne() throws Exception {
        ApiReply reply = client.withKey("k").sendAsync("PUT", "/write", null).get(10, TimeUnit.SECONDS);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.position()).isPresent();
        assertThat(seen.take().authorization()).isEqualTo("Bearer k");
    }

    @Test
    void aRequestThatTakesLongerThanItsTimeoutFailsWithATimeout() {
        ApiClient impatient = client.withRequestTimeout(Duration.ofMillis(200));

        assertThatThrownBy(() -> impatient.get("/slow")).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void aPathMustBeRelativeToTheBaseUrlAndTheBaseUrlAbsolute() {
        assertThatThrownBy(() -> client.get("api/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiClient.create("127.0.0.1:8080")).isInstanceOf(IllegalArgumentException.class);
    }
}
