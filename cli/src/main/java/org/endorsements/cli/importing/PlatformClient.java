package org.endorsements.cli.importing;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.endorsements.http.ApiClient;
import org.endorsements.http.ApiReply;

/** The platform's write API, as an admin (or, {@link #as with its key}, an organization) uses it. */
public final class PlatformClient {

    private final ApiClient api;

    private PlatformClient(ApiClient api) {
        this.api = api;
    }

    public PlatformClient(String commandUrl, String key) {
        this(ApiClient.create(commandUrl).withKey(key));
    }

    /** The same client, its connections shared, with another caller's key. */
    public PlatformClient as(String key) {
        return new PlatformClient(api.withKey(key));
    }

    public ApiReply publishStatement(
            String statementId, String title, String body, String language, String listIntro, String closingNote)
            throws IOException {
        return publishStatement(statementId, title, body, language, listIntro, closingNote, null, null);
    }

    /** A statement whose text is a translation by {@code translator} of an original in {@code originalLanguage}. */
    public ApiReply publishStatement(
            String statementId,
            String title,
            String body,
            String language,
            String listIntro,
            String closingNote,
            String translator,
            String originalLanguage)
            throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("statementId", statementId);
        json.put("title", title);
        json.put("body", body);
        json.put("language", language);
        if (listIntro != null) {
            json.put("signatoryListIntro", listIntro);
        }
        if (closingNote != null) {
            json.put("closingNote", closingNote);
        }
        if (translator != null) {
            json.put("translator", translator);
            json.put("originalLanguage", originalLanguage);
        }
        return api.post("/api/statements", json);
    }

    /** Replaces the statement's goal and closing time ({@code null}: none), as an admin's {@code PUT …/targets}. */
    public ApiReply setTargets(String statementId, Integer signatureGoal, java.time.Instant closesAt)
            throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signatureGoal", signatureGoal);
        json.put("closesAt", closesAt == null ? null : closesAt.toString());
        return api.put("/api/statements/" + statementId + "/targets", json);
    }

    public ApiReply registerOrganization(String organizationId, String name) throws IOException {
        return api.post("/api/organizations", Map.of("organizationId", organizationId, "name", name));
    }

    /** An organization whose only known profile is its country (null: none). */
    public ApiReply registerOrganization(String organizationId, String name, String country) throws IOException {
        if (country == null) {
            return registerOrganization(organizationId, name);
        }
        return api.post(
                "/api/organizations", Map.of("organizationId", organizationId, "name", name, "country", country));
    }

    public ApiReply registerOrganization(String organizationId, String name, String country, String region)
            throws IOException {
        return api.post(
                "/api/organizations",
                Map.of("organizationId", organizationId, "name", name, "country", country, "region", region));
    }

    /** With this client's key being the organization's own. */
    public ApiReply endorse(String statementId, String organizationId) throws IOException {
        return api.put(endorsement(statementId, organizationId), null);
    }

    public ApiReply withdraw(String statementId, String organizationId) throws IOException {
        return api.delete(endorsement(statementId, organizationId));
    }

    public ApiReply recordEndorsement(String statementId, String organizationId, Integer entryNumber)
            throws IOException {
        return api.put(
                endorsement(statementId, organizationId),
                entryNumber == null ? Map.of() : Map.of("entryNumber", entryNumber));
    }

    private static String endorsement(String statementId, String organizationId) {
        return "/api/statements/" + statementId + "/endorsements/" + organizationId;
    }
}
