package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the service registers × (anonymous, wrong key, organization A, organization B, admin). The
 * endpoints are read from the request mappings, so one added without a row here fails the build, and so does a
 * row whose endpoint is gone.
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTest extends TestStackSupport {

    enum Caller {
        ANONYMOUS,
        WRONG_KEY,
        ORG_A,
        ORG_B,
        ADMIN
    }

    /** Expected statuses in {@link Caller} order; {a} is organization A, {s} a statement A has endorsed if asked. */
    record Row(String body, boolean endorsedFirst, int anonymous, int wrongKey, int orgA, int orgB, int admin) {
        int expected(Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> anonymous;
                case WRONG_KEY -> wrongKey;
                case ORG_A -> orgA;
                case ORG_B -> orgB;
                case ADMIN -> admin;
            };
        }
    }

    private static final String ORG_JSON = "{\"name\":\"New org %s\"}";
    /**
     * An admin recovery: organizations certify their keys instead, so for them it is a 400 past authorization; for
     * the admin a 409 past authorization, since the organization never had a key to recover.
     */
    private static final String RECOVERY_JSON =
            "{\"publicKey\":\"entna3MnNArbYwywZx5S34NyBdBFhoe3UxlsfgtWf1k=\",\"recoveryReason\":\"lost %s\"}";

    private static final String STATEMENT_JSON = "{\"title\":\"T\",\"body\":\"B\",\"language\":\"en\"}";

    private static final String BULK_JSON =
            "{\"organizationIds\":[\"x-%s\"],\"category\":\"forged\",\"reason\":\"forged\"}";

    /** Keyed by "METHOD pattern" as Spring MVC registers it; "*" for a mapping that takes every method. */
    private static final Map<String, Row> MATRIX = Map.ofEntries(
            Map.entry("POST /api/organizations", new Row(ORG_JSON, false, 401, 401, 403, 403, 201)),
            Map.entry(
                    "POST /api/organizations/{organizationId}/credentials",
                    new Row(null, false, 401, 401, 201, 403, 201)),
            Map.entry(
                    "DELETE /api/organizations/{organizationId}/credentials",
                    new Row(null, false, 401, 401, 204, 403, 204)),
            Map.entry(
                    "PUT /api/organizations/{organizationId}/signing-keys/{keyId}",
                    new Row(RECOVERY_JSON, false, 401, 401, 400, 403, 409)),
            Map.entry(
                    "DELETE /api/organizations/{organizationId}/signing-keys/{keyId}",
                    new Row(null, false, 401, 401, 404, 403, 404)),
            Map.entry(
                    "PUT /api/organizations/{organizationId}/signing-key-pin",
                    new Row(
                            "{\"fingerprint\":\"" + "ab".repeat(32) + "\",\"source\":\"https://example.org/%s\"}",
                            false,
                            401,
                            401,
                            403,
                            403,
                            201)),
            Map.entry(
                    "POST /api/organizations/{organizationId}/suspend", new Row("{}", false, 401, 401, 403, 403, 204)),
            Map.entry(
                    "POST /api/organizations/{organizationId}/hide",
                    new Row("{\"reason\":\"asked by phone\"}", false, 401, 401, 204, 403, 204)),
            Map.entry(
                    "DELETE /api/organizations/{organizationId}/personal-data",
                    new Row("{\"reason\":\"asked by phone\"}", false, 401, 401, 204, 403, 204)),
            Map.entry(
                    "PUT /api/statements/{statementId}/endorsements/{organizationId}/visibility",
                    new Row("{\"visibility\":\"counted\"}", true, 401, 401, 200, 403, 403)),
            Map.entry("POST /api/statements", new Row(STATEMENT_JSON, false, 401, 401, 403, 403, 201)),
            Map.entry("POST /api/statements/{statementId}/close", new Row(null, false, 401, 401, 403, 403, 200)),
            Map.entry(
                    "POST /api/statements/{statementId}/translations",
                    new Row(
                            "{\"language\":\"es\",\"title\":\"T es\",\"body\":\"B es\",\"translator\":\"Ana\"}",
                            false,
                            401,
                            401,
                            403,
                            403,
                            201)),
            Map.entry(
                    "POST /api/statements/{statementId}/amendments",
                    new Row("{\"title\":\"T\",\"body\":\"B, amended\"}", false, 401, 401, 403, 403, 201)),
            Map.entry(
                    "PUT /api/organizations/{organizationId}/profile",
                    new Row("{\"country\":\"VE\"}", false, 401, 401, 204, 403, 204)),
            Map.entry(
                    "PUT /api/statements/{statementId}/targets",
                    new Row("{\"signatureGoal\":10}", false, 401, 401, 403, 403, 200)),
            // Moderation is the admin's alone, also for the organization whose endorsement it is.
            Map.entry(
                    "POST /api/statements/{statementId}/endorsements/{organizationId}/invalidation",
                    new Row("{\"category\":\"forged\",\"reason\":\"forged %s\"}", true, 401, 401, 403, 403, 200)),
            Map.entry(
                    "POST /api/statements/{statementId}/endorsements/{organizationId}/reinstatement",
                    new Row(null, true, 401, 401, 403, 403, 409)),
            Map.entry(
                    "POST /api/statements/{statementId}/invalidations/preview",
                    new Row(BULK_JSON, false, 401, 401, 403, 403, 200)),
            Map.entry(
                    "POST /api/statements/{statementId}/invalidation-jobs",
                    new Row(BULK_JSON, false, 401, 401, 403, 403, 202)),
            Map.entry(
                    "GET /api/statements/{statementId}/invalidation-jobs/{jobId}",
                    new Row(null, false, 401, 401, 403, 403, 404)),
            Map.entry(
                    "PUT /api/statements/{statementId}/endorsements/{organizationId}",
                    new Row(null, false, 401, 401, 201, 403, 201)),
            Map.entry(
                    "DELETE /api/statements/{statementId}/endorsements/{organizationId}",
                    new Row(null, true, 401, 401, 200, 403, 200)),
            Map.entry("GET /api/credentials/me", new Row(null, false, 401, 401, 200, 200, 200)),
            // The query service's service key only: no API key reaches the data keys, the admin's included.
            Map.entry("GET /internal/data-keys/{organizationId}", new Row(null, false, 401, 401, 401, 401, 401)),
            // Public: the API description (springdoc). A key that is presented must still be valid.
            Map.entry("GET /v3/api-docs", new Row(null, false, 200, 401, 200, 200, 200)),
            Map.entry("GET /v3/api-docs.yaml", new Row(null, false, 200, 401, 200, 200, 200)),
            Map.entry("GET /v3/api-docs/swagger-config", new Row(null, false, 200, 401, 200, 200, 200)),
            Map.entry("GET /swagger-ui.html", new Row(null, false, 302, 401, 302, 302, 302)),
            // The container's error dispatch only; asked for directly it is no endpoint.
            Map.entry("* /error", new Row(null, false, 401, 401, 403, 403, 403)));

    @LocalServerPort
    int port;

    @Autowired
    List<RequestMappingInfoHandlerMapping> mappings;

    /** "METHOD pattern" of every registered request mapping except the actuator's (its own test covers it). */
    private Set<String> registeredEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : mappings) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/actuator")) {
                        continue;
                    }
                    if (methods.isEmpty()) {
                        endpoints.add("* " + pattern);
                    }
                    methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyRegisteredEndpointHasARowAndEveryRowAnEndpoint() {
        assertThat(MATRIX.keySet())
                .as("rows of the authorization matrix")
                .containsExactlyInAnyOrderElementsOf(registeredEndpoints());
    }

    @TestFactory
    Stream<DynamicTest> eachCallerGetsTheStatusItsRoleAllows() {
        Api api = new Api(port);
        List<DynamicTest> tests = new ArrayList<>();
        for (String endpoint : registeredEndpoints()) {
            Row row = MATRIX.get(endpoint);
            if (row == null) {
                continue; // reported by everyRegisteredEndpointHasARowAndEveryRowAnEndpoint
            }
            for (Caller caller : Caller.values()) {
                tests.add(DynamicTest.dynamicTest(
                        caller + " " + endpoint + " -> " + row.expected(caller),
                        () -> check(api, Fixture.create(api, row.endorsedFirst()), endpoint, row, caller)));
            }
        }
        return tests.stream();
    }

    /**
     * HEAD and OPTIONS match no rule (the rules name each endpoint's method), so on every endpoint they are refused
     * as an endpoint that does not exist: 401 without a valid key, 403 with one; never a 5xx, never the handler.
     */
    @TestFactory
    Stream<DynamicTest> headAndOptionsAreRefusedOnEveryEndpointForEveryCaller() {
        Api api = new Api(port);
        // Refused before any handler, so they change nothing: one fixture serves them all.
        Fixture shared = Fixture.create(api, true);
        List<DynamicTest> tests = new ArrayList<>();
        for (String endpoint : registeredEndpoints()) {
            Row row = MATRIX.get(endpoint);
            if (row == null) {
                continue;
            }
            for (String method : List.of("HEAD", "OPTIONS")) {
                for (Caller caller : Caller.values()) {
                    int expected = caller == Caller.ANONYMOUS || caller == Caller.WRONG_KEY ? 401 : 403;
                    String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
                    tests.add(DynamicTest.dynamicTest(
                            caller + " " + method + " " + pattern + " -> " + expected,
                            () -> check(
                                    api,
                                    shared,
                                    method + " " + pattern,
                                    // The internal chain knows no API key: every caller without the service key is 401.
                                    pattern.startsWith("/internal/")
                                            ? new Row(null, false, 401, 401, 401, 401, 401)
                                            : new Row(null, row.endorsedFirst(), 401, 401, 403, 403, 403),
                                    caller)));
                }
            }
        }
        return tests.stream();
    }

    /**
     * A suspended organization's key may be in the hands of whoever had it suspended: on every endpoint it is
     * answered exactly as a key that does not exist (401), so it can neither withdraw signatures nor mint keys.
     */
    @TestFactory
    Stream<DynamicTest> aSuspendedOrganizationsKeyIsRefusedLikeAnUnknownKeyOnEveryEndpoint() {
        Api api = new Api(port);
        List<DynamicTest> tests = new ArrayList<>();
        for (String endpoint : registeredEndpoints()) {
            Row row = MATRIX.get(endpoint);
            if (row == null) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest("suspended " + endpoint + " -> " + row.wrongKey(), () -> {
                Api.Response organization = api.registerOrganization("Suspended " + UUID.randomUUID());
                String organizationId = organization.text("organizationId");
                String statement = api.publishStatement();
                assertThat(api.send(
                                        "PUT",
                                        "/api/statements/" + statement + "/endorsements/" + organizationId,
                                        organization.text("apiKey"),
                                        null)
                                .status())
                        .isEqualTo(201);
                assertThat(api.send(
                                        "POST",
                                        "/api/organizations/" + organizationId + "/suspend",
                                        ADMIN_KEY,
                                        "{\"reason\":\"key seized\"}")
                                .status())
                        .isEqualTo(204);
                String method = endpoint.substring(0, endpoint.indexOf(' '));
                String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                        .replace("{organizationId}", organizationId)
                        .replace("{statementId}", statement)
                        .replace("{keyId}", "k1")
                        .replace("{jobId}", "no-such-job");
                String json = row.body() == null
                        ? null
                        : row.body().formatted(UUID.randomUUID().toString().substring(0, 8));

                Api.Response response =
                        api.send("*".equals(method) ? "GET" : method, path, organization.text("apiKey"), json);

                assertThat(response.status()).as(response.body().toString()).isEqualTo(row.wrongKey());
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            }));
        }
        return tests.stream();
    }

    /** Two organizations and a statement, made for one check (a call may change them), A's endorsement first. */
    private record Fixture(Api.Response a, Api.Response b, String statement) {

        static Fixture create(Api api, boolean endorsedFirst) {
            Api.Response a = api.registerOrganization("Organization A");
            Api.Response b = api.registerOrganization("Organization B");
            String statement = api.publishStatement();
            if (endorsedFirst) {
                assertThat(api.send(
                                        "PUT",
                                        "/api/statements/" + statement + "/endorsements/" + a.text("organizationId"),
                                        a.text("apiKey"),
                                        null)
                                .status())
                        .isEqualTo(201);
            }
            return new Fixture(a, b, statement);
        }
    }

    private static void check(Api api, Fixture fixture, String endpoint, Row row, Caller caller) {
        Api.Response a = fixture.a();
        Api.Response b = fixture.b();
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{organizationId}", a.text("organizationId"))
                .replace("{statementId}", fixture.statement())
                .replace("{keyId}", "k1")
                .replace("{jobId}", "no-such-job");
        String key = switch (caller) {
            case ANONYMOUS -> null;
            case WRONG_KEY -> "ek_" + UUID.randomUUID().toString().replace("-", "");
            case ORG_A -> a.text("apiKey");
            case ORG_B -> b.text("apiKey");
            case ADMIN -> ADMIN_KEY;
        };
        String json = row.body() == null
                ? null
                : row.body().formatted(UUID.randomUUID().toString().substring(0, 8));

        Api.Response response = api.send("*".equals(method) ? "GET" : method, path, key, json);

        int expected = row.expected(caller);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            if (!"HEAD".equals(method)) { // a HEAD answer has the problem's headers but no body
                assertThat(response.text("type")).startsWith("urn:endorsements:problem:");
            }
        }
        if (expected == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
    }
}
