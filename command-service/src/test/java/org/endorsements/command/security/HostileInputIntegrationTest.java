package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.endorsements.testsupport.RawHttp;
import org.endorsements.testsupport.RawHttp.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a hostile client sends, written on the socket as it would be: every request is answered with a 4xx
 * problem, never a 5xx, an HTML page or a dropped connection, and leaves the event store and the registries exactly
 * as they were.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTest extends TestStackSupport {

    private static final long THIRTY_MB = 30L * 1024 * 1024;
    private static final long TWO_MB = 2L * 1024 * 1024;
    /** An unterminated string: a body parsed before its size is checked is held in memory whole. */
    private static final String LONG_NAME = "{\"name\":\"";

    /** What the requests act on: organization A (which has endorsed statement S), organization B. */
    record Fixture(String orgA, String keyA, String orgB, String keyB, String statement) {}

    /** One hostile request, built from the fixture, and the statuses it may get. */
    record Case(String name, Function<Fixture, Request> request, int lowest, int highest) {
        @Override
        public String toString() {
            return name;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Fixture fixture;
    private RawHttp http;

    @BeforeAll
    void setUp() {
        Api api = new Api(port);
        Api.Response a = api.registerOrganization("Organization A");
        Api.Response b = api.registerOrganization("Organization B");
        String statement = api.publishStatement();
        fixture = new Fixture(
                a.text("organizationId"), a.text("apiKey"), b.text("organizationId"), b.text("apiKey"), statement);
        assertThat(api.send(
                                "PUT",
                                "/api/statements/" + statement + "/endorsements/" + fixture.orgA(),
                                fixture.keyA(),
                                null)
                        .status())
                .isEqualTo(201);
        http = new RawHttp("127.0.0.1", port);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileRequestIsAnsweredWithAClientErrorProblemAndChangesNothing(Case hostile) {
        String before = state();

        RawHttp.Response response = http.send(hostile.request().apply(fixture));

        assertThat(response.status())
                .as("status of %s; body: %s", hostile, response.body())
                .isBetween(hostile.lowest(), hostile.highest());
        assertThat(response.isProblem())
                .as("problem+json for %s; headers %s, body: %s", hostile, response.headers(), response.body())
                .isTrue();
        assertThat(state()).as("event store and registries after " + hostile).isEqualTo(before);
    }

    /** Everything a request could have changed: events, registries, credentials (token positions excluded). */
    private String state() {
        return jdbc.queryForObject(
                        "SELECT count(*) || '/' || coalesce(max(globalindex), -1) FROM domainevententry", String.class)
                + " | "
                + jdbc.queryForList(
                        "SELECT statement_id || ':' || content_hash || ':' || closed AS r "
                                + "FROM statement_registry ORDER BY statement_id",
                        String.class)
                + " | "
                + jdbc.queryForList(
                        "SELECT organization_id || ':' || name || ':' || suspended AS r "
                                + "FROM organization_registry ORDER BY organization_id",
                        String.class)
                + " | "
                + jdbc.queryForList(
                        "SELECT key_hash || ':' || credential_id || ':' || revoked AS r "
                                + "FROM credential ORDER BY key_hash",
                        String.class);
    }

    static Stream<Arguments> corpus() {
        List<Case> cases = new ArrayList<>();
        pathTricks(cases);
        credentials(cases);
        existenceOracle(cases);
        organizationBodies(cases);
        statementBodies(cases);
        sizes(cases);
        pathVariables(cases);
        headersAndMethods(cases);
        malformedUris(cases);
        endorsementBodies(cases);
        return cases.stream().map(Arguments::of);
    }

    private static void anyClientError(List<Case> cases, String name, Function<Fixture, Request> request) {
        cases.add(new Case(name, request, 400, 499));
    }

    private static void exactly(List<Case> cases, int status, String name, Function<Fixture, Request> request) {
        cases.add(new Case(name, request, status, status));
    }

    /** 400 (framing refused) or 413 (too large), but not a 422: that would mean the body was parsed. */
    private static void refusedUnread(List<Case> cases, String name, Function<Fixture, Request> request) {
        cases.add(new Case(name, request, 400, 413));
    }

    private static String sub(String template, Fixture f) {
        return template.replace("{A}", f.orgA()).replace("{B}", f.orgB()).replace("{S}", f.statement());
    }

    private static final String NEW_ORG = "{\"name\":\"Bypassing organization\"}";
    private static final String NEW_STATEMENT = "{\"title\":\"Forged\",\"body\":\"Forged.\",\"language\":\"en\"}";

    /** Paths that a prefix test lets through while the router still reaches a controller. */
    private static void pathTricks(List<Case> cases) {
        for (String path : List.of(
                "/api;x=1/organizations",
                "/%61pi/organizations",
                "/api/./organizations",
                "/api//organizations",
                "/api/organizations;jsessionid=1",
                "/API/organizations",
                "/api%2Forganizations",
                "/api/%2e/organizations",
                "/api/..;/api/organizations",
                "/api/organizations/..;/organizations",
                "/api/x/../organizations",
                "/api/%2E%2E/api/organizations",
                "/%2561pi/organizations",
                "/api;/organizations",
                "/api/organizations%3b",
                "/./api/organizations",
                "//api/organizations",
                "/api/organizations%00",
                "/api/organizations%2F",
                "/a%70i/organizations")) {
            anyClientError(
                    cases,
                    "anonymous POST " + path,
                    f -> Request.of("POST", path).json(NEW_ORG));
        }
        anyClientError(
                cases,
                "anonymous POST /api;x=1/statements",
                f -> Request.of("POST", "/api;x=1/statements").json(NEW_STATEMENT));
        anyClientError(
                cases,
                "anonymous POST /%61pi/statements",
                f -> Request.of("POST", "/%61pi/statements").json(NEW_STATEMENT));
        anyClientError(
                cases,
                "anonymous POST /api;x=1/statements/{S}/close",
                f -> Request.of("POST", sub("/api;x=1/statements/{S}/close", f)));
        anyClientError(
                cases,
                "anonymous PUT /%61pi/statements/{S}/endorsements/{B}",
                f -> Request.of("PUT", sub("/%61pi/statements/{S}/endorsements/{B}", f)));
        anyClientError(
                cases,
                "anonymous DELETE /api;x=1/statements/{S}/endorsements/{A}",
                f -> Request.of("DELETE", sub("/api;x=1/statements/{S}/endorsements/{A}", f)));
        anyClientError(
                cases,
                "anonymous DELETE /%61pi/organizations/{A}/credentials",
                f -> Request.of("DELETE", sub("/%61pi/organizations/{A}/credentials", f)));
    }

    private static void credentials(List<Case> cases) {
        Function<Fixture, Request> publish =
                f -> Request.of("POST", "/api/statements").json(NEW_STATEMENT);
        exactly(cases, 401, "no Authorization header", publish);
        exactly(cases, 401, "empty bearer", f -> publish.apply(f).header("Authorization", "Bearer"));
        exactly(
                cases,
                401,
                "basic credentials",
                f -> publish.apply(f).header("Authorization", "Basic YWRtaW46YWRtaW4="));
        exactly(cases, 401, "wrong key", f -> publish.apply(f).header("Authorization", "Bearer not-a-key"));
        exactly(
                cases,
                401,
                "admin key with a suffix",
                f -> publish.apply(f).header("Authorization", "Bearer " + ADMIN_KEY + "x"));
        exactly(
                cases,
                401,
                "admin key with a prefix",
                f -> publish.apply(f).header("Authorization", "Bearer x" + ADMIN_KEY));
        anyClientError(
                cases,
                "a 6 KB bearer key",
                f -> publish.apply(f).header("Authorization", "Bearer " + "k".repeat(6 * 1024)));
        anyClientError(
                cases,
                "a 12 KB Authorization header (over the header limit)",
                f -> publish.apply(f).header("Authorization", "Bearer " + "k".repeat(12 * 1024)));
        anyClientError(
                cases,
                "a wrong key before the admin key",
                f -> publish.apply(f).header("Authorization", "Bearer wrong").bearer(ADMIN_KEY));
        exactly(
                cases,
                401,
                "a revoked-looking key (organization key with a space)",
                f -> publish.apply(f).header("Authorization", "Bearer " + f.keyA() + " x"));
        exactly(cases, 403, "organization key on publish", f -> publish.apply(f).bearer(f.keyA()));
        exactly(
                cases,
                403,
                "organization key on register",
                f -> Request.of("POST", "/api/organizations").bearer(f.keyA()).json(NEW_ORG));
    }

    /** The answer to an organization must not depend on whether the target exists. */
    private static void existenceOracle(List<Case> cases) {
        for (String path : List.of(
                "/api/statements/{S}/close",
                "/api/statements/no-such-statement/close",
                "/api/statements/{A}/close",
                "/api/organizations/{A}/suspend",
                "/api/organizations/no-such-organization/suspend",
                "/api/organizations/{S}/suspend",
                "/api/organizations/{A}/credentials",
                "/api/organizations/no-such-organization/credentials")) {
            exactly(
                    cases,
                    403,
                    "organization B: POST " + path,
                    f -> Request.of("POST", sub(path, f)).bearer(f.keyB()).json("{}"));
        }
        for (String path : List.of(
                "/api/statements/{S}/endorsements/{A}",
                "/api/statements/{S}/endorsements/no-such-organization",
                "/api/statements/no-such-statement/endorsements/{A}")) {
            exactly(
                    cases,
                    403,
                    "organization B: PUT " + path,
                    f -> Request.of("PUT", sub(path, f)).bearer(f.keyB()));
            exactly(
                    cases,
                    403,
                    "organization B: DELETE " + path,
                    f -> Request.of("DELETE", sub(path, f)).bearer(f.keyB()));
        }
        exactly(
                cases,
                404,
                "admin closes an organization's id as a statement",
                f -> Request.of("POST", sub("/api/statements/{A}/close", f)).bearer(ADMIN_KEY));
        exactly(
                cases,
                404,
                "admin suspends a statement's id as an organization",
                f -> Request.of("POST", sub("/api/organizations/{S}/suspend", f))
                        .bearer(ADMIN_KEY)
                        .json("{}"));
        exactly(
                cases,
                404,
                "admin closes a statement that does not exist",
                f -> Request.of("POST", "/api/statements/no-such-statement/close")
                        .bearer(ADMIN_KEY));
        exactly(
                cases,
                404,
                "admin rotates the key of an organization that does not exist",
                f -> Request.of("POST", "/api/organizations/no-such-organization/credentials")
                        .bearer(ADMIN_KEY));
    }

    /** Bodies an admin's registration must refuse: each, accepted, would register an organization. */
    private static void organizationBodies(List<Case> cases) {
        List<String> bodies = new ArrayList<>(List.of(
                "{\"name\":123}",
                "{\"name\":true}",
                "{\"name\":[\"x\"]}",
                "{\"name\":{\"a\":1}}",
                "{\"name\":1.5}",
                "{\"organizationId\":123,\"name\":\"Numbered\"}",
                "{\"name\":\"Country as number\",\"country\":7}",
                "{\"name\":\"Unknown field\",\"admin\":true}",
                "{\"name\":\"Case variant\",\"OrganizationId\":\"case-variant\"}",
                "{\"name\":null}",
                "{}",
                "[]",
                "\"a string\"",
                "123",
                "null",
                "",
                "{\"name\":\"Truncated\"",
                "{\"name\":\"Trailing\"}}",
                "{\"name\":\"Trailing comma\",}",
                "{'name':'Single quotes'}",
                "{\"name\":NaN}",
                "{\"name\":\"First\",\"name\":\"Second\"}",
                "[".repeat(5000) + "]".repeat(5000),
                "{\"name\":\"" + "n".repeat(5000) + "\"}",
                "{\"name\":\"   \"}"));
        for (String escape : List.of(
                "\\ud800",
                "\\udc00",
                "\\udc00\\ud800",
                "\\u202a",
                "\\u202b",
                "\\u202c",
                "\\u202d",
                "\\u202e",
                "\\u2066",
                "\\u2067",
                "\\u2068",
                "\\u2069",
                "\\u200b",
                "\\u200c",
                "\\u200d",
                "\\u2060",
                "\\ufeff",
                "\\u0000",
                "\\u0007",
                "\\n",
                "\\u001b[31m")) {
            bodies.add("{\"name\":\"Name " + escape + " here\"}");
        }
        for (String id : List.of(
                "Upper-Case",
                "a".repeat(101),
                "with space",
                "-leading",
                "trailing-",
                "ørg",
                "org\\u202e",
                "..",
                "org/../x",
                "",
                "org\\u200b")) {
            bodies.add("{\"organizationId\":\"" + id + "\",\"name\":\"Odd id\"}");
        }
        for (String body : bodies) {
            String shown = body.length() > 60 ? body.substring(0, 60) + "…" : body;
            anyClientError(
                    cases,
                    "admin registers " + shown,
                    f -> Request.of("POST", "/api/organizations")
                            .bearer(ADMIN_KEY)
                            .json(body));
        }
        for (String type : List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "application/json; charset=no-such-charset")) {
            anyClientError(
                    cases,
                    "admin registers with Content-Type " + type,
                    f -> Request.of("POST", "/api/organizations")
                            .bearer(ADMIN_KEY)
                            .header("Content-Type", type)
                            .header("Content-Length", Integer.toString(NEW_ORG.length()))
                            .withBody(out -> out.write(NEW_ORG.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
    }

    private static void statementBodies(List<Case> cases) {
        for (String body : List.of(
                "{\"title\":\"Lone \\ud800\",\"body\":\"B\",\"language\":\"en\"}",
                "{\"title\":\"T\",\"body\":\"Lone \\udfff surrogate\",\"language\":\"en\"}",
                "{\"title\":\"Spoof \\u202e txt\",\"body\":\"B\",\"language\":\"en\"}",
                "{\"title\":\"Zero\\u200bwidth\",\"body\":\"B\",\"language\":\"en\"}",
                "{\"title\":1,\"body\":\"B\",\"language\":\"en\"}",
                "{\"title\":\"T\",\"body\":[\"B\"],\"language\":\"en\"}",
                "{\"title\":\"T\",\"body\":\"B\",\"language\":\"en\",\"contentHash\":\"forged\"}",
                "{\"statementId\":\"UPPER\",\"title\":\"T\",\"body\":\"B\",\"language\":\"en\"}",
                "{\"statementId\":\"s\\u202e\",\"title\":\"T\",\"body\":\"B\",\"language\":\"en\"}",
                "{\"title\":\"T\",\"body\":\"B\",\"language\":\"en\",\"signatoryListIntro\":7}")) {
            anyClientError(
                    cases,
                    "admin publishes " + body,
                    f -> Request.of("POST", "/api/statements").bearer(ADMIN_KEY).json(body));
        }
        String big = "{\"title\":\"Big\",\"body\":\"" + "b".repeat(70 * 1024) + "\",\"language\":\"en\"}";
        exactly(
                cases,
                413,
                "admin publishes a 70 KB statement (over the body limit)",
                f -> Request.of("POST", "/api/statements").bearer(ADMIN_KEY).json(big));
    }

    /** Bodies too large to read, however their length is (or is not) declared. */
    private static void sizes(List<Case> cases) {
        anyClientError(
                cases,
                "anonymous 30 MB body with its Content-Length",
                f -> Request.of("POST", "/api/organizations")
                        .header("Content-Type", "application/json")
                        .header("Content-Length", Long.toString(THIRTY_MB))
                        .withBody(RawHttp.repeated(LONG_NAME, (byte) 'a', THIRTY_MB)));
        anyClientError(
                cases,
                "anonymous 30 MB chunked body",
                f -> Request.of("POST", "/api/organizations")
                        .header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "chunked")
                        .withBody(RawHttp.chunked(LONG_NAME, (byte) 'a', THIRTY_MB)));
        anyClientError(
                cases,
                "anonymous 30 MB body with Transfer-Encoding: ,chunked",
                f -> Request.of("POST", "/api/organizations")
                        .header("Content-Type", "application/json")
                        .header("Transfer-Encoding", ",chunked")
                        .withBody(RawHttp.chunked(LONG_NAME, (byte) 'a', THIRTY_MB)));
        refusedUnread(
                cases,
                "admin 30 MB body with Transfer-Encoding: ,chunked",
                f -> Request.of("POST", "/api/organizations")
                        .bearer(ADMIN_KEY)
                        .header("Content-Type", "application/json")
                        .header("Transfer-Encoding", ",chunked")
                        .withBody(RawHttp.chunked(LONG_NAME, (byte) 'a', THIRTY_MB)));
        refusedUnread(
                cases,
                "admin 30 MB body with Transfer-Encoding: Chunked",
                f -> Request.of("POST", "/api/statements")
                        .bearer(ADMIN_KEY)
                        .header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "Chunked")
                        .withBody(RawHttp.chunked(LONG_NAME, (byte) 'a', THIRTY_MB)));
        exactly(
                cases,
                413,
                "admin 2 MB chunked body",
                f -> Request.of("POST", "/api/organizations")
                        .bearer(ADMIN_KEY)
                        .header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "chunked")
                        .withBody(RawHttp.chunked(LONG_NAME, (byte) 'a', TWO_MB)));
        exactly(
                cases,
                413,
                "organization A: 30 MB chunked endorsement body",
                f -> Request.of("PUT", sub("/api/statements/{S}/endorsements/{A}", f))
                        .bearer(f.keyA())
                        .header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "chunked")
                        .withBody(RawHttp.chunked(LONG_NAME, (byte) 'a', THIRTY_MB)));
        anyClientError(
                cases,
                "admin declares 100 bytes and sends 2 MB",
                f -> Request.of("POST", "/api/organizations")
                        .bearer(ADMIN_KEY)
                        .header("Content-Type", "application/json")
                        .header("Content-Length", "100")
                        .withBody(RawHttp.repeated("", (byte) '[', TWO_MB)));
        exactly(
                cases,
                413,
                "admin declares 100 GB",
                f -> Request.of("POST", "/api/organizations")
                        .bearer(ADMIN_KEY)
                        .header("Content-Type", "application/json")
                        .header("Content-Length", "100000000000")
                        .withBody(out -> out.write(NEW_ORG.getBytes())));
        anyClientError(
                cases,
                "a negative Content-Length",
                f -> Request.of("POST", "/api/organizations")
                        .bearer(ADMIN_KEY)
                        .header("Content-Type", "application/json")
                        .header("Content-Length", "-1")
                        .withBody(out -> out.write(NEW_ORG.getBytes())));
        anyClientError(
                cases,
                "two different Content-Lengths",
                f -> Request.of("POST", "/api/organizations")
                        .bearer(ADMIN_KEY)
                        .header("Content-Type", "application/json")
                        .header("Content-Length", "5")
                        .header("Content-Length", Integer.toString(NEW_ORG.length()))
                        .withBody(out -> out.write(NEW_ORG.getBytes())));
        anyClientError(
                cases,
                "Content-Length and Transfer-Encoding together",
                f -> Request.of("POST", "/api/organizations")
                        .bearer(ADMIN_KEY)
                        .header("Content-Type", "application/json")
                        .header("Content-Length", "4")
                        .header("Transfer-Encoding", "chunked")
                        .withBody(RawHttp.chunked("", (byte) ' ', 10)));
        anyClientError(
                cases,
                "an unsupported transfer coding",
                f -> Request.of("POST", "/api/organizations")
                        .bearer(ADMIN_KEY)
                        .header("Content-Type", "application/json")
                        .header("Transfer-Encoding", "gzip, chunked")
                        .withBody(RawHttp.chunked("", (byte) ' ', 10)));
    }

    private static void pathVariables(List<Case> cases) {
        for (String id : List.of(
                "UPPER",
                "a%20b",
                "%00",
                "a".repeat(101),
                "%E2%80%AE",
                "%F0%9F%98%80",
                "%25",
                "x%2Fy",
                "a;b",
                "%E2%80%8B")) {
            anyClientError(
                    cases,
                    "organization A endorses statement '" + shorten(id) + "'",
                    f -> Request.of("PUT", sub("/api/statements/" + id + "/endorsements/{A}", f))
                            .bearer(f.keyA()));
        }
        for (String id : List.of("UPPER", "%00", "a".repeat(101), "%E2%80%8B", "a%20b")) {
            anyClientError(
                    cases,
                    "admin records an endorsement of organization '" + shorten(id) + "'",
                    f -> Request.of("PUT", sub("/api/statements/{S}/endorsements/" + id, f))
                            .bearer(ADMIN_KEY));
        }
        anyClientError(
                cases,
                "admin rotates the key of organization '%00'",
                f -> Request.of("POST", "/api/organizations/%00/credentials").bearer(ADMIN_KEY));
        anyClientError(
                cases,
                "admin suspends organization 'UPPER'",
                f -> Request.of("POST", "/api/organizations/UPPER/suspend")
                        .bearer(ADMIN_KEY)
                        .json("{}"));
    }

    private static void headersAndMethods(List<Case> cases) {
        for (String requestId : List.of("r".repeat(101), "with space", "caf\u00e9")) {
            anyClientError(
                    cases,
                    "X-Request-Id '" + shorten(requestId) + "'",
                    f -> Request.of("DELETE", sub("/api/statements/{S}/endorsements/{A}", f))
                            .bearer(f.keyA())
                            .header("X-Request-Id", requestId));
        }
        anyClientError(
                cases, "TRACE", f -> Request.of("TRACE", "/api/organizations").bearer(ADMIN_KEY));
        anyClientError(
                cases,
                "PATCH as admin",
                f -> Request.of("PATCH", "/api/statements").bearer(ADMIN_KEY).json(NEW_STATEMENT));
        anyClientError(
                cases,
                "an invented method",
                f -> Request.of("FROB", "/api/statements").bearer(ADMIN_KEY));
        anyClientError(
                cases,
                "GET on a write endpoint as admin",
                f -> Request.of("GET", "/api/statements").bearer(ADMIN_KEY));
        anyClientError(
                cases,
                "a header line without a colon",
                f -> Request.of("POST", "/api/statements")
                        .bearer(ADMIN_KEY)
                        .header("X-Broken", "x\r\nno-colon-here")
                        .json(NEW_STATEMENT));
    }

    private static void malformedUris(List<Case> cases) {
        for (String target : List.of(
                "/api/%zz",
                "/api/organizations/%",
                "/api/statements/%C0%AE%C0%AE/close",
                "/api/%FF%FE/organizations",
                "/api/organ\u00e9zations",
                "/api/organizations?%zz=1",
                "/api/" + "p".repeat(9000),
                "/api/organizations?q=" + "q".repeat(9000),
                "/api/organizations%",
                "/api/statements/%u0041/close")) {
            anyClientError(
                    cases,
                    "malformed target " + shorten(target),
                    f -> Request.of("POST", target).bearer(ADMIN_KEY).json(NEW_ORG));
        }
    }

    /** Organization A has endorsed S: a malformed withdrawal must not withdraw, nor a malformed suspension suspend. */
    private static void endorsementBodies(List<Case> cases) {
        for (String body : List.of(
                "{\"reason\":123}",
                "{\"reason\":\"\\ud800\"}",
                "{\"reason\":\"x\\u202e\"}",
                "{\"reason\":\"x\",\"extra\":1}",
                "{\"reason\":[\"x\"]}",
                "[]")) {
            anyClientError(
                    cases,
                    "organization A withdraws with " + body,
                    f -> Request.of("DELETE", sub("/api/statements/{S}/endorsements/{A}", f))
                            .bearer(f.keyA())
                            .json(body));
            anyClientError(
                    cases,
                    "admin suspends organization B with " + body,
                    f -> Request.of("POST", sub("/api/organizations/{B}/suspend", f))
                            .bearer(ADMIN_KEY)
                            .json(body));
        }
        for (String body : List.of("{\"entryNumber\":1}", "{\"entryNumber\":\"1\"}", "{\"entryNumber\":true}")) {
            anyClientError(
                    cases,
                    "organization B endorses with " + body,
                    f -> Request.of("PUT", sub("/api/statements/{S}/endorsements/{B}", f))
                            .bearer(f.keyB())
                            .json(body));
        }
        for (String body : List.of(
                "{\"entryNumber\":\"1\"}",
                "{\"entryNumber\":1.5}",
                "{\"entryNumber\":1e400}",
                "{\"entryNumber\":true}",
                "{\"entryNumber\":99999999999}",
                "{\"entryNumber\":1,\"source\":\"api\"}")) {
            anyClientError(
                    cases,
                    "admin records B's endorsement with " + body,
                    f -> Request.of("PUT", sub("/api/statements/{S}/endorsements/{B}", f))
                            .bearer(ADMIN_KEY)
                            .json(body));
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }
}
