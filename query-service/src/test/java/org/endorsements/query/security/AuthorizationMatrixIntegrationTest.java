package org.endorsements.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.ReadClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every registered endpoint, asked by every kind of caller, with its own method and with HEAD and OPTIONS (which
 * Spring MVC answers with the GET handler, and by itself). The endpoints come from Spring MVC's own mappings, and
 * each must have a row in {@link #RULES}: an endpoint added without deciding who may call it fails this test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixIntegrationTest extends QueryStackSupport {

    private enum Rule {
        PUBLIC, ANY_KEY, AUDITOR, ADMIN, OWN_ORGANIZATION_OR_AUDITOR, NOBODY
    }

    private enum Caller {
        ANONYMOUS, WRONG_KEY, ORGANIZATION_A, ORGANIZATION_B, AUDITOR, ADMIN
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("GET /.well-known/endorsements-log-key", Rule.PUBLIC),
            Map.entry("GET /.well-known/endorsements-log-keys", Rule.PUBLIC),
            Map.entry("GET /api/log/witnesses", Rule.PUBLIC),
            Map.entry("GET /api/statements", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/breakdown", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/document", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/document.md", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/document.txt", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/endorsements", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/endorsements.csv", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/endorsements.json", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/growth", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/live", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/log/checkpoint", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/log/leaves", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/log/proof/consistency", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/log/proof/inclusion", Rule.PUBLIC),
            Map.entry("GET /statements/{statementId}", Rule.PUBLIC),
            Map.entry("GET /statements/{statementId}/", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/history", Rule.AUDITOR),
            Map.entry("GET /api/organizations/{organizationId}/history", Rule.AUDITOR),
            Map.entry("GET /api/admin/reconciliation", Rule.AUDITOR),
            Map.entry("GET /api/admin/replay", Rule.ADMIN),
            Map.entry("POST /api/admin/replay", Rule.ADMIN),
            Map.entry("GET /api/statements/{statementId}/receipts/{organizationId}",
                    Rule.OWN_ORGANIZATION_OR_AUDITOR),
            // Only for the container's error dispatches, never asked for directly.
            Map.entry("GET /error", Rule.NOBODY));

    /**
     * Allowed calls that would change the running service (a replay), or that would hold the connection open with
     * no body to end it (a stream asked for with HEAD): only the refusals are sent.
     */
    private static final Set<String> NOT_SENT_WHEN_ALLOWED = Set.of("POST /api/admin/replay",
            "HEAD /api/statements/{statementId}/live");

    /** Framework endpoints that are public by nature (the API description). */
    private static final Set<String> FRAMEWORK_PUBLIC_PREFIXES = Set.of("GET /v3/api-docs",
            "GET /swagger-ui");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String organizationA = "matrix-a";
    private final String organizationB = "matrix-b";
    private final String keyA = "matrix-key-a";
    private final String keyB = "matrix-key-b";

    @BeforeEach
    void organizationsHaveKeys() {
        publishKey(organizationA, keyA);
        publishKey(organizationB, keyB);
        ReadClient reads = new ReadClient(port);
        await().atMost(Duration.ofSeconds(20)).until(() -> reads.get("/api/statements", keyA).status() == 200
                && reads.get("/api/statements", keyB).status() == 200);
    }

    @Test
    void everyRegisteredEndpointHasARule() {
        Set<String> unruled = new TreeSet<>(endpoints());
        unruled.removeAll(RULES.keySet());
        unruled.removeIf(AuthorizationMatrixIntegrationTest::isFrameworkEndpoint);
        Set<String> stale = new TreeSet<>(RULES.keySet());
        stale.removeAll(endpoints());

        assertThat(unruled).as("endpoints without a row in the authorization matrix").isEmpty();
        assertThat(stale).as("rows of the matrix for endpoints that no longer exist").isEmpty();
    }

    @Test
    void everyEndpointAnswersEveryCallerAsItsRuleSays() throws Exception {
        Map<String, String> wrong = new TreeMap<>();
        for (Map.Entry<String, Rule> call : callsWithTheirRules().entrySet()) {
            String endpoint = call.getKey();
            Rule rule = call.getValue();
            for (Caller caller : Caller.values()) {
                Integer expected = expectedRefusal(rule, caller);
                if (expected == null && NOT_SENT_WHEN_ALLOWED.contains(endpoint)) {
                    continue;
                }
                int status = send(endpoint, caller);
                boolean right = expected == null ? status != 401 && status != 403 && status < 500
                        : status == expected;
                if (!right) {
                    wrong.put(endpoint + " as " + caller, "got " + status + ", expected "
                            + (expected == null ? "allowed" : expected));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Each endpoint with its own method, HEAD (the rule of its GET) and OPTIONS (its rule, except that the public
     * may only read: an OPTIONS of a public endpoint needs a key).
     */
    private Map<String, Rule> callsWithTheirRules() {
        Map<String, Rule> calls = new TreeMap<>();
        for (String endpoint : endpoints()) {
            Rule rule = isFrameworkEndpoint(endpoint) ? Rule.PUBLIC : RULES.get(endpoint);
            if (rule == null) {
                continue; // reported by everyRegisteredEndpointHasARule
            }
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            calls.put(endpoint, rule);
            calls.putIfAbsent("HEAD " + path, rule);
            calls.putIfAbsent("OPTIONS " + path, rule == Rule.PUBLIC ? Rule.ANY_KEY : rule);
        }
        return calls;
    }

    /** The refusal a caller must get, or null where it is allowed. */
    private static Integer expectedRefusal(Rule rule, Caller caller) {
        if (caller == Caller.WRONG_KEY) {
            return 401;
        }
        boolean allowed = switch (rule) {
            case PUBLIC -> true;
            case ANY_KEY -> caller != Caller.ANONYMOUS;
            case AUDITOR -> caller == Caller.AUDITOR || caller == Caller.ADMIN;
            case ADMIN -> caller == Caller.ADMIN;
            case OWN_ORGANIZATION_OR_AUDITOR -> caller == Caller.ORGANIZATION_A || caller == Caller.AUDITOR
                    || caller == Caller.ADMIN;
            case NOBODY -> false;
        };
        if (allowed) {
            return null;
        }
        return caller == Caller.ANONYMOUS ? 401 : 403;
    }

    private int send(String endpoint, Caller caller) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{statementId}", "matrix-statement")
                .replace("{organizationId}", organizationA)
                .replaceAll("\\{[^}]+}", "x");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        String key = switch (caller) {
            case ANONYMOUS -> null;
            case WRONG_KEY -> "not-a-key";
            case ORGANIZATION_A -> keyA;
            case ORGANIZATION_B -> keyB;
            case AUDITOR -> AUDITOR_KEY;
            case ADMIN -> ADMIN_KEY;
        };
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        // The status line is enough; a stream (live counts) is closed without reading it.
        HttpResponse<InputStream> response = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(15, TimeUnit.SECONDS);
        response.body().close();
        return response.statusCode();
    }

    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> names = new ArrayList<>();
            if (methods.isEmpty()) {
                names.add("GET");
            } else {
                methods.forEach(m -> names.add(m.name()));
            }
            for (String pattern : info.getPatternValues()) {
                names.forEach(m -> endpoints.add(m + " " + pattern));
            }
        }
        return endpoints;
    }

    private static boolean isFrameworkEndpoint(String endpoint) {
        return FRAMEWORK_PUBLIC_PREFIXES.stream().anyMatch(endpoint::startsWith);
    }
}
