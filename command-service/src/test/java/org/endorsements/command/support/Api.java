package org.endorsements.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** A small HTTP client for the command API, as a real client would use it. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String base;

    public Api(int port) {
        this("http://127.0.0.1:" + port, HttpClient.newHttpClient());
    }

    public Api(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {
        public String text(String field) {
            return body.path(field).asText();
        }
    }

    public Response send(String method, String path, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                body = JSON.getNodeFactory().textNode(response.body());
            }
            return new Response(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers an organization with a unique id; returns {organizationId, apiKey}. */
    public Response registerOrganization(String name) {
        String id = "org-" + UUID.randomUUID().toString().substring(0, 8);
        return send(
                "POST",
                "/api/organizations",
                TestStackSupport.ADMIN_KEY,
                "{\"organizationId\":\"" + id + "\",\"name\":\"" + name + "\",\"country\":\"VE\"}");
    }

    /** Publishes a statement with a unique id; returns its id. */
    public String publishStatement() {
        String id = "stmt-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = send(
                "POST",
                "/api/statements",
                TestStackSupport.ADMIN_KEY,
                "{\"statementId\":\"" + id
                        + "\",\"title\":\"A statement\",\"body\":\"We agree.\",\"language\":\"en\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("publishing failed: " + r);
        }
        return id;
    }
}
