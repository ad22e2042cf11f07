package org.endorsements.query.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.endorsements.events.DataKeys;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.Sealed;
import org.endorsements.events.ServiceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data keys from {@code GET /internal/data-keys/{organizationId}} of the command service. A key (200) and an
 * erasure (410, for good) are cached in memory, bounded; anything else (unreachable, 5xx, a refused service key, an
 * organization the command side has no key for) is retried with backoff for {@code retryFor}, then reported as
 * unavailable, so that the projection retries its batch instead of projecting a name it could not open.
 */
public class CommandServiceDataKeys implements DataKeys {

    private static final Logger log = LoggerFactory.getLogger(CommandServiceDataKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final HttpClient http;
    private final URI base;
    private final ServiceKey serviceKey;
    private final Duration requestTimeout;
    private final Duration retryFor;
    /** An empty value: the key was destroyed. */
    private final Map<OrganizationId, Optional<SecretKey>> cache;

    public CommandServiceDataKeys(PersonalDataProperties properties, ServiceKey serviceKey) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.requestTimeout())
                .build();
        String url = properties.commandServiceUrl().toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.serviceKey = serviceKey;
        this.requestTimeout = properties.requestTimeout();
        this.retryFor = properties.retryFor();
        int capacity = properties.keyCacheSize();
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<OrganizationId, Optional<SecretKey>> eldest) {
                return size() > capacity;
            }
        });
    }

    @Override
    public Optional<SecretKey> find(OrganizationId organizationId) {
        Optional<SecretKey> cached = cache.get(organizationId);
        if (cached != null) {
            return cached;
        }
        Instant deadline = Instant.now().plus(retryFor);
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            String problem;
            try {
                Optional<Optional<SecretKey>> answer = ask(organizationId);
                if (answer.isPresent()) {
                    cache.put(organizationId, answer.get());
                    return answer.get();
                }
                problem = "the command service has no data key for " + organizationId;
            } catch (IOException e) {
                problem = "the command service is unreachable (" + e.getClass().getSimpleName() + ")";
            } catch (IllegalStateException e) {
                problem = e.getMessage();
            }
            if (Instant.now().plus(backoff).isAfter(deadline)) {
                throw new DataKeysUnavailableException("no data key for " + organizationId + ": " + problem, null);
            }
            log.warn("Data key of {}: {}; retrying in {} ms", organizationId, problem, backoff.toMillis());
            try {
                Thread.sleep(backoff.toMillis()); // backing off from a service that is down: nothing to await
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataKeysUnavailableException("interrupted while waiting for a data key", e);
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** The key or erased; empty for a 404 (no key yet). @throws IllegalStateException for any other answer */
    private Optional<Optional<SecretKey>> ask(OrganizationId organizationId) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("internal/data-keys/" + organizationId.value()))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + serviceKey.bearerToken())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataKeysUnavailableException("interrupted while asking for a data key", e);
        }
        return switch (response.statusCode()) {
            case 200 -> Optional.of(Optional.of(keyOf(response.body())));
            case 410 -> Optional.of(Optional.empty());
            case 404 -> Optional.empty();
            case 401, 403 ->
                throw new IllegalStateException(
                        "the command service refused the service key (HTTP " + response.statusCode()
                                + "): is ENDORSEMENTS_SERVICE_KEY (or the admin key) the same on both?");
            default -> throw new IllegalStateException("the command service answered HTTP " + response.statusCode());
        };
    }

    private static SecretKey keyOf(byte[] body) throws IOException {
        JsonNode json = JSON.readTree(body);
        byte[] key;
        try {
            key = Base64.getDecoder().decode(json.path("dataKey").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the command service answered a data key that is not base64");
        }
        if (key.length != Sealed.KEY_BYTES) {
            throw new IllegalStateException("the command service answered a data key of " + key.length + " bytes");
        }
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public void erased(OrganizationId organizationId) {
        // As a 410 would be: for good, whatever this instance fetched before the erasure.
        cache.put(organizationId, Optional.empty());
    }
}
