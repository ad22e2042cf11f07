package org.endorsements.transparency.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The witness's HTTP interface (c2sp.org/tlog-witness): {@code POST /add-checkpoint} and, for monitors,
 * {@code GET /<origin hash>/checkpoint}. The JDK's own HTTP server is enough for two plain-text endpoints and keeps
 * the witness a small program anyone can run without a framework.
 */
public final class WitnessServer implements AutoCloseable {

    /** A checkpoint with 64 signatures and 63 proof lines stays far below this. */
    static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final Witness witness;

    public WitnessServer(Witness witness, InetSocketAddress address) throws IOException {
        this.witness = witness;
        this.server = HttpServer.create(address, 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/add-checkpoint")) {
                if (!method.equals("POST")) {
                    send(exchange, 405, "text/plain", "add-checkpoint is a POST\n");
                    return;
                }
                Optional<String> body = readBody(exchange.getRequestBody());
                if (body.isEmpty()) {
                    send(exchange, 413, "text/plain", "the request body is too large\n");
                    return;
                }
                Witness.Answer answer = witness.addCheckpoint(body.get());
                send(exchange, answer.status(), answer.contentType(), answer.body());
            } else if (path.matches("/[0-9a-f]{64}/checkpoint") && method.equals("GET")) {
                Optional<String> note = witness.latestByHash(path.substring(1, 65));
                if (note.isPresent()) {
                    send(exchange, 200, "text/plain; charset=utf-8", note.get());
                } else {
                    send(exchange, 404, "text/plain", "no checkpoint cosigned for this log\n");
                }
            } else {
                send(exchange, 404, "text/plain", "not found\n");
            }
        } catch (IOException | RuntimeException e) {
            System.getLogger(WitnessServer.class.getName()).log(System.Logger.Level.ERROR, "witness request failed", e);
            try {
                send(exchange, 500, "text/plain", "the witness could not process the request\n");
            } catch (IOException | RuntimeException alreadySent) {
                // The answer had started: nothing more can be said to the client.
            }
        }
    }

    private static Optional<String> readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
