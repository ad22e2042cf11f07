package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Connector;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.RawHttp;
import org.endorsements.command.support.TestStackSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a hostile client tries at the door: paths that dodge the rules, unbounded bodies, probing for ids. */
@IntegrationTest
class FrontDoorIntegrationTest extends TestStackSupport {

    private static final String STATEMENT_JSON = "{\"title\":\"T\",\"body\":\"B\",\"language\":\"en\"}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    PathMappedEndpoints actuatorEndpoints;

    @Autowired
    org.springframework.core.env.Environment environment;

    private Api api;
    private RawHttp raw;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        raw = new RawHttp(port);
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM domainevententry")
                .query(Long.class)
                .single();
    }

    private static void assertProblem(RawHttp.Response response, int status, String code) {
        assertThat(response.status())
                .as(response.head() + "\n" + response.body())
                .isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:endorsements:problem:" + code + "\"");
    }

    private static byte[] statementOfSize(int bodyCharacters) {
        return ("{\"title\":\"T\",\"body\":\"" + "x".repeat(bodyCharacters) + "\",\"language\":\"en\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPathParameterInThePathIsRefusedBeforeAnythingRuns() throws Exception {
        long before = events();
        RawHttp.Response response = raw.send(
                "POST /api;x=1/organizations HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 12",
                "{\"name\":\"x\"}".getBytes(),
                false);
        assertProblem(response, 400, "malformed-request");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aPercentEncodedPathIsAuthenticatedLikeThePlainOne() throws Exception {
        long before = events();
        String head = "POST /%61pi/organizations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 12";
        assertProblem(raw.send(head, "{\"name\":\"x\"}".getBytes(), false), 401, "missing-credentials");
        String organizationKey = api.registerOrganization("Percent").text("apiKey");
        assertProblem(
                raw.send(head + "\r\nAuthorization: Bearer " + organizationKey, "{\"name\":\"x\"}".getBytes(), false),
                403,
                "admin-only");
        assertThat(events()).isEqualTo(before + 2); // the registration only
    }

    @Test
    void malformedPercentEncodingIsAProblemNotTomcatsPage() throws Exception {
        RawHttp.Response response = raw.send("GET /api/%zz HTTP/1.1\r\nHost: localhost", null, false);
        assertProblem(response, 400, "malformed-request");
        assertThat(response.body()).doesNotContain("<html", "Tomcat");
        assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }

    @Test
    void anEncodedSlashIsAProblem() throws Exception {
        assertProblem(
                raw.send("GET /api/organizations%2F..%2Fx HTTP/1.1\r\nHost: localhost", null, false),
                400,
                "malformed-request");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhateverItsTransferEncodingHeader() throws Exception {
        long before = events();
        for (String encoding : new String[] {"chunked", ",chunked", "Chunked"}) {
            RawHttp.Response response = raw.send(
                    "POST /api/statements HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + ADMIN_KEY + "\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: " + encoding,
                    statementOfSize(1_000_000),
                    true);
            assertProblem(response, 413, "body-too-large");
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aContentLengthThatUnderstatesAChunkedBodyDoesNotLetItThrough() throws Exception {
        long before = events();
        RawHttp.Response response = raw.send(
                "POST /api/statements HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + ADMIN_KEY + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 10\r\nTransfer-Encoding: chunked",
                statementOfSize(1_000_000),
                true);
        assertThat(response.status()).isIn(400, 413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsAccepted() throws Exception {
        RawHttp.Response response = raw.send(
                "POST /api/statements HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + ADMIN_KEY + "\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked",
                STATEMENT_JSON.getBytes(StandardCharsets.UTF_8),
                true);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void anUnauthenticatedRequestIsRefusedWithoutItsBodyBeingRead() throws Exception {
        long before = events();
        RawHttp.Response response = raw.send(
                "POST /api/statements HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked",
                statementOfSize(1_000_000),
                true);
        assertProblem(response, 401, "missing-credentials");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anOrganizationGetsTheSame403OnAdminCommandsWhetherTheIdExistsOrNot() {
        Api.Response org = api.registerOrganization("Prober");
        String key = org.text("apiKey");
        String existing = api.publishStatement();
        Api.Response closeExisting = api.send("POST", "/api/statements/" + existing + "/close", key, null);
        Api.Response closeMissing = api.send("POST", "/api/statements/no-such-statement/close", key, null);
        Api.Response closeAnOrganization =
                api.send("POST", "/api/statements/" + org.text("organizationId") + "/close", key, null);
        Api.Response suspendMissing = api.send("POST", "/api/organizations/no-such-org/suspend", key, "{}");
        Api.Response suspendExisting = api.send(
                "POST",
                "/api/organizations/" + api.registerOrganization("Other").text("organizationId") + "/suspend",
                key,
                "{}");

        for (Api.Response response :
                new Api.Response[] {closeExisting, closeMissing, closeAnOrganization, suspendMissing, suspendExisting
                }) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).isEqualTo(closeExisting.body());
        }
    }

    @Test
    void anAdminClosingAnIdThatIsAnOrganizationGetsA404() {
        String organization = api.registerOrganization("Not a statement").text("organizationId");
        Api.Response response = api.send("POST", "/api/statements/" + organization + "/close", ADMIN_KEY, null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("type")).isEqualTo("urn:endorsements:problem:not-found");
    }

    @Test
    void anAdminSuspendingAnIdThatIsAStatementGetsA404() {
        String statement = api.publishStatement();
        Api.Response response = api.send("POST", "/api/organizations/" + statement + "/suspend", ADMIN_KEY, "{}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("type")).isEqualTo("urn:endorsements:problem:not-found");
    }

    @Test
    void theAnswerThatCarriesANewKeyIsNeitherCachedNorSniffedNorFramed() {
        Api.Response response = api.registerOrganization("Headers");
        assertThat(response.status()).isEqualTo(201);
        assertSecurityHeaders(response.headers());
    }

    @Test
    void refusalsCarryTheSecurityHeadersToo() throws Exception {
        assertSecurityHeaders(api.send("GET", "/api/credentials/me", null, null).headers());
        RawHttp.Response rejected = raw.send("GET /api;x/credentials/me HTTP/1.1\r\nHost: localhost", null, false);
        assertThat(rejected.header("Cache-Control")).isEqualTo("no-store");
        assertThat(rejected.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(rejected.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    private static void assertSecurityHeaders(java.net.http.HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void aMalformedHeaderIsAProblem() throws Exception {
        RawHttp.Response response = raw.send(
                "PUT /api/statements/s/endorsements/o HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_KEY
                        + "\r\nX-Request-Id: a\u0001b",
                null,
                false);
        assertProblem(response, 400, "malformed-request");
    }

    @Test
    void aRequestThatMatchesNoRuleIsRefused() {
        assertThat(api.send("GET", "/api/organizations", null, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/organizations", ADMIN_KEY, null).status())
                .isEqualTo(403);
        assertThat(api.send("POST", "/api/organizations/", ADMIN_KEY, "{\"name\":\"Slash\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theEmbeddedDefaultListensOnLoopbackOnly() {
        Connector connector =
                ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("address").toString()).isIn("/127.0.0.1", "127.0.0.1");
    }

    @Test
    void actuatorExposesHealthAndPrometheusOnly() {
        // Tests run without metrics export, so the prometheus endpoint is configured but not present here.
        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,prometheus");
        assertThat(actuatorEndpoints.getAllRootPaths()).contains("health").isSubsetOf("health", "prometheus");
        assertThat(api.send("GET", "/actuator/env", ADMIN_KEY, null).status()).isEqualTo(403);
    }
}
