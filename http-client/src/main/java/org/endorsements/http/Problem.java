package org.endorsements.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The problem details (RFC 9457) the services answer bad input with: {@code type} names the kind of problem (a URI,
 * {@code about:blank} when absent), {@code title} and {@code detail} say it in words; {@code members} holds the
 * whole object, extensions included.
 */
public record Problem(String type, String title, int status, String detail, JsonNode members) {

    private static final String NO_TYPE = "about:blank";

    /** The problem in a JSON body: an object with at least a {@code title}, {@code type} or {@code detail}. */
    static Optional<Problem> of(JsonNode json) {
        if (!json.isObject() || !(json.has("title") || json.has("type") || json.has("detail"))) {
            return Optional.empty();
        }
        return Optional.of(new Problem(
                json.path("type").asText(NO_TYPE),
                json.path("title").asText(""),
                json.path("status").asInt(0),
                json.path("detail").asText(""),
                json));
    }

    @Override
    public String toString() {
        return title + (detail.isEmpty() ? "" : ": " + detail) + " (" + type + ")";
    }
}
