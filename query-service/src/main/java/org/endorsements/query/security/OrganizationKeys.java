package org.endorsements.query.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.endorsements.events.CanonicalText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Organizations' keys are known only to the command service (as hashes); this asks it who a key belongs to, and
 * remembers the answer for a few seconds, by the key's hash.
 */
@Component
class OrganizationKeys {

    private static final Logger log = LoggerFactory.getLogger(OrganizationKeys.class);
    /** Short, so that a revoked key stops opening receipts soon; bounded, so random keys cannot fill the heap. */
    private static final Duration REMEMBER = Duration.ofSeconds(10);
    private static final int MAX_REMEMBERED = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Answer(Optional<String> organizationId, Instant until) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String commandServiceUrl;
    private final Map<String, Answer> answers = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                    return size() > MAX_REMEMBERED;
                }
            });

    OrganizationKeys(@Value("${endorsements.command-service.url}") String commandServiceUrl) {
        this.commandServiceUrl = commandServiceUrl.replaceAll("/+$", "");
    }

    Optional<String> organizationOf(String key) {
        String hash = CanonicalText.sha256Hex(key);
        Answer cached = answers.get(hash);
        if (cached != null && cached.until().isAfter(Instant.now())) {
            return cached.organizationId();
        }
        Optional<String> organization = ask(key);
        answers.put(hash, new Answer(organization, Instant.now().plus(REMEMBER)));
        return organization;
    }

    private Optional<String> ask(String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandServiceUrl + "/api/credentials/me"))
                .timeout(Duration.ofSeconds(3)).header("Authorization", "Bearer " + key).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode caller = JSON.readTree(response.body());
            return "organization".equals(caller.path("caller").asText())
                    ? Optional.of(caller.path("organizationId").asText()) : Optional.empty();
        } catch (IOException e) {
            log.warn("The command service could not check a key ({}); treating it as invalid", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
