package org.endorsements.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The open loop against a stand-in for both services that answers every request at once. */
class PlatformLoadTest {

    private final AtomicInteger endorsements = new AtomicInteger();
    private final AtomicInteger consistentReads = new AtomicInteger();
    private final ExecutorService answering = Executors.newFixedThreadPool(8);
    private HttpServer server;
    private PlatformLoad load;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(answering);
        server.createContext("/", this::answer);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        load = new PlatformLoad(url, url, "admin-key");
        load.prepare(10);
    }

    @AfterEach
    void stop() {
        load.close();
        server.stop(0);
        answering.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        int status = 200;
        String body = "{}";
        if ("PUT".equals(exchange.getRequestMethod())) {
            String statement = path.split("/")[3];
            endorsements.incrementAndGet();
            exchange.getResponseHeaders()
                    .add(
                            ConsistencyToken.HEADER,
                            new ConsistencyToken(AggregateType.ENDORSEMENT, statement + ":o", 0).encode());
            status = 201;
            body = "{\"statementId\":\"" + statement + "\"}";
        } else if ("POST".equals(exchange.getRequestMethod())) {
            status = 201;
        } else if (exchange.getRequestURI().getQuery() != null
                && exchange.getRequestURI().getQuery().startsWith("minPosition=")) {
            consistentReads.incrementAndGet();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void theOpenLoopSendsTheOfferedRateAndReadsEveryTenthWriteBackWithItsPosition() throws Exception {
        PlatformLoad.OpenLoopResult result = load.openLoop(100, Duration.ofSeconds(2));

        assertThat(endorsements.get()).isEqualTo(200);
        assertThat(result.errors()).isZero();
        assertThat(result.latency().getTotalCount()).isEqualTo(200);
        assertThat(result.achieved()).isBetween(80.0, 120.0);
        assertThat(consistentReads.get()).isEqualTo(20);
        assertThat(result.lag().getTotalCount()).isEqualTo(20);
        assertThat(result.lagTimeouts()).isZero();
    }
}
