package org.endorsements.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Optional;
import org.endorsements.events.ConsistencyToken;

/** One answer of a service: its status, headers and body, read as JSON, problem details or a consistency token. */
public final class ApiReply {

    private final String method;
    private final String path;
    private final int status;
    private final HttpHeaders headers;
    private final String body;
    private JsonNode json;

    ApiReply(String method, String path, HttpResponse<String> response) {
        this(method, path, response.statusCode(), response.headers(), response.body());
    }

    ApiReply(String method, String path, int status, HttpHeaders headers, String body) {
        this.method = method;
        this.path = path;
        this.status = status;
        this.headers = headers;
        this.body = body == null ? "" : body;
    }

    public int status() {
        return status;
    }

    public boolean isSuccess() {
        return status / 100 == 2;
    }

    /** The body as text (a Prometheus page, a signed note, a CSV, HTML or JSON). */
    public String body() {
        return body;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as JSON; a missing node (every {@code path} of it missing too) when it is empty or not JSON. */
    public JsonNode json() {
        if (json == null) {
            json = parse(body);
        }
        return json;
    }

    /** The body as the given type, by Jackson. */
    public <T> T as(Class<T> type) {
        try {
            return ApiClient.JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(method + " " + path + ": the answer is not a " + type.getSimpleName(), e);
        }
    }

    /** The write's read-your-writes token ({@link ConsistencyToken#HEADER}), if the answer carries one. */
    public Optional<ConsistencyToken> position() {
        return header(ConsistencyToken.HEADER).map(ConsistencyToken::parse);
    }

    /** The problem details of a 4xx or 5xx answer, when its body is one (RFC 9457). */
    public Optional<Problem> problem() {
        return status >= 400 ? Problem.of(json()) : Optional.empty();
    }

    /** This answer if its status is one of {@code statuses}, else a {@link ProblemException} that says what came. */
    public ApiReply expect(int... statuses) throws ProblemException {
        if (Arrays.stream(statuses).noneMatch(s -> s == status)) {
            throw new ProblemException(method, path, this, Arrays.toString(statuses));
        }
        return this;
    }

    /** This answer if it is a 2xx, else a {@link ProblemException}. */
    public ApiReply expectSuccess() throws ProblemException {
        if (!isSuccess()) {
            throw new ProblemException(method, path, this, "2xx");
        }
        return this;
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + status;
    }

    private static JsonNode parse(String text) {
        if (text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return ApiClient.JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }
}
