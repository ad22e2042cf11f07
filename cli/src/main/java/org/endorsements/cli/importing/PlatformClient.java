package org.endorsements.cli.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The platform's write API, as an admin uses it. */
public final class PlatformClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandUrl;
    private final String adminKey;

    public record Reply(int status, JsonNode body) {
        String problemType() {
            return body.path("type").asText("");
        }
    }

    public PlatformClient(String commandUrl, String adminKey) {
        this.commandUrl = commandUrl.replaceAll("/+$", "");
        this.adminKey = adminKey;
    }

    public Reply publishStatement(String statementId, String title, String body, String language,
            String listIntro, String closingNote) throws IOException {
        ObjectNode json = JSON.createObjectNode().put("statementId", statementId).put("title", title)
                .put("body", body).put("language", language);
        if (listIntro != null) {
            json.put("signatoryListIntro", listIntro);
        }
        if (closingNote != null) {
            json.put("closingNote", closingNote);
        }
        return send("POST", "/api/statements", json);
    }

    public Reply registerOrganization(String organizationId, String name) throws IOException {
        return send("POST", "/api/organizations",
                JSON.createObjectNode().put("organizationId", organizationId).put("name", name));
    }

    public Reply registerOrganization(String organizationId, String name, String country, String region)
            throws IOException {
        return send("POST", "/api/organizations", JSON.createObjectNode().put("organizationId", organizationId)
                .put("name", name).put("country", country).put("region", region));
    }

    /** With this client's key being the organization's own. */
    public Reply endorse(String statementId, String organizationId) throws IOException {
        return send("PUT", "/api/statements/" + statementId + "/endorsements/" + organizationId, null);
    }

    public Reply withdraw(String statementId, String organizationId) throws IOException {
        return send("DELETE", "/api/statements/" + statementId + "/endorsements/" + organizationId, null);
    }

    public Reply recordEndorsement(String statementId, String organizationId, Integer entryNumber)
            throws IOException {
        ObjectNode json = JSON.createObjectNode();
        if (entryNumber != null) {
            json.put("entryNumber", entryNumber);
        }
        return send("PUT", "/api/statements/" + statementId + "/endorsements/" + organizationId, json);
    }

    private Reply send(String method, String path, JsonNode body) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(commandUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminKey);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
