package org.endorsements.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.endorsements.events.ConsistencyToken;

/**
 * The one HTTP client of the platform's own tools (the cli, the bench and drills, the end-to-end tests), as any client
 * of the public APIs would be: a base URL, an optional bearer key, JSON bodies written by Jackson, answers as
 * {@link ApiReply} (with the problem details of RFC 9457 and the {@code X-Event-Position} token when there are any).
 *
 * <p>One JDK {@link HttpClient} (its connection pool and selector thread) is built per {@link #create}; the clients
 * derived from it with {@link #withKey}, {@link #withBaseUrl} or {@link #withRequestTimeout} share it, so a request
 * allocates only itself. It speaks HTTP/1.1 only: the services are plain HTTP, and the JDK's default would offer an
 * h2c upgrade on every request.
 */
public final class ApiClient {

    /** The JSON mapper of every body this client writes and every answer it reads. */
    static final ObjectMapper JSON = new ObjectMapper();

    private static final String MIN_POSITION = "minPosition";

    /**
     * @param connectTimeout how long a connection may take to open (shared by every derived client)
     * @param requestTimeout how long a whole request may take, by default
     */
    public record Settings(Duration connectTimeout, Duration requestTimeout) {

        /** Loopback services answer in milliseconds; the request bound leaves room for the slowest reads. */
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(5), Duration.ofSeconds(30));

        public Settings {
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(requestTimeout, "requestTimeout");
        }

        public Settings withRequestTimeout(Duration timeout) {
            return new Settings(connectTimeout, timeout);
        }
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;
    private final Duration requestTimeout;

    private ApiClient(HttpClient http, String baseUrl, String authorization, Duration requestTimeout) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.requestTimeout = requestTimeout;
    }

    /** An anonymous client of the service at {@code baseUrl}, with the default timeouts. */
    public static ApiClient create(String baseUrl) {
        return create(baseUrl, Settings.DEFAULT);
    }

    public static ApiClient create(String baseUrl, Settings settings) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return new ApiClient(http, normalized(baseUrl), null, settings.requestTimeout());
    }

    /** The same client with this bearer key ({@code null} or blank: anonymous). */
    public ApiClient withKey(String key) {
        String header = key == null || key.isBlank() ? null : "Bearer " + key.strip();
        return new ApiClient(http, baseUrl, header, requestTimeout);
    }

    /** The same client (connections, key, timeouts) for another service. */
    public ApiClient withBaseUrl(String url) {
        return new ApiClient(http, normalized(url), authorization, requestTimeout);
    }

    public ApiClient withRequestTimeout(Duration timeout) {
        requirePositive(timeout, "timeout");
        return new ApiClient(http, baseUrl, authorization, timeout);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public ApiReply get(String path) throws IOException {
        return send("GET", path, null);
    }

    /** A read answered once the views include the write that returned {@code minPosition} (read-your-writes). */
    public ApiReply get(String path, ConsistencyToken minPosition) throws IOException {
        return send("GET", withMinPosition(path, minPosition), null);
    }

    public ApiReply post(String path, Object body) throws IOException {
        return send("POST", path, body);
    }

    public ApiReply put(String path, Object body) throws IOException {
        return send("PUT", path, body);
    }

    public ApiReply delete(String path) throws IOException {
        return send("DELETE", path, null);
    }

    /**
     * Sends one request and returns its answer, whatever its status (see {@link ApiReply#expect}).
     *
     * @param path the path and query, from {@code /}, relative to the base URL
     * @param body {@code null} for none, else written as JSON by Jackson (a {@code Map}, a record, a {@code JsonNode})
     * @throws IOException when there is no answer (refused, reset, timed out, interrupted)
     */
    public ApiReply send(String method, String path, Object body) throws IOException {
        HttpRequest request = request(method, path, body);
        try {
            return new ApiReply(method, path, http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(method + " " + path + " interrupted");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    /**
     * The same without blocking a thread per request in flight (the bench's open loop): the future fails with the
     * {@link IOException} that {@link #send} would throw.
     */
    public CompletableFuture<ApiReply> sendAsync(String method, String path, Object body) {
        HttpRequest request;
        try {
            request = request(method, path, body);
        } catch (IOException unwritable) {
            return CompletableFuture.failedFuture(unwritable);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new ApiReply(method, path, response));
    }

    /** {@code path} with the {@code minPosition} query parameter of a consistent read. */
    public static String withMinPosition(String path, ConsistencyToken token) {
        Objects.requireNonNull(token, "token");
        return path + (path.contains("?") ? "&" : "?") + MIN_POSITION + "="
                + URLEncoder.encode(token.encode(), StandardCharsets.UTF_8);
    }

    private HttpRequest request(String method, String path, Object body) throws IOException {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /: " + path);
        }
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private static String normalized(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI uri = URI.create(baseUrl.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("a base URL is absolute, like http://127.0.0.1:8080: " + baseUrl);
        }
        return baseUrl.strip().replaceAll("/+$", "");
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " is a positive duration");
        }
    }
}
