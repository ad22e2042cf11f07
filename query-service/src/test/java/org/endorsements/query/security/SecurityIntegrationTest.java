package org.endorsements.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.endorsements.query.support.QueryStackSupport;
import org.endorsements.query.support.ReadClient;
import org.endorsements.testsupport.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityIntegrationTest extends QueryStackSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    private ReadClient reads;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        reads = new ReadClient(port);
    }

    private String knownOrganizationKey(String organization) {
        String key = "key-of-" + organization;
        publishKey(organization, key);
        await().atMost(WAIT).until(() -> reads.get("/api/statements", key).status() == 200);
        return key;
    }

    @Test
    void anOrganizationsKeyFromTheCredentialTopicIsRecognizedWithoutTheCommandService() {
        String key = knownOrganizationKey("org-" + suffix);

        assertThat(reads.get("/api/statements", key).status()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyIsRefusedWithinOneSecond() {
        String organization = "org-" + suffix;
        String key = knownOrganizationKey(organization);

        revokeKey(organization);

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> reads.get("/api/statements", key).status() == 401);
    }

    @Test
    void aRotatedKeyStopsOpeningAndItsSuccessorOpens() {
        String organization = "org-" + suffix;
        String old = knownOrganizationKey(organization);

        String successor = "next-" + old;
        publishKey(organization, successor);

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> reads.get("/api/statements", successor).status() == 200);
        assertThat(reads.get("/api/statements", old).status()).isEqualTo(401);
    }

    @Test
    void theDashboardCarriesTheSecurityHeaders() {
        ReadClient.Reply reply = reads.get("/");

        assertThat(reply.header("Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void theDashboardAndItsScriptsStayPublic() {
        assertThat(reads.get("/").status()).isEqualTo(200);
        assertThat(reads.get("/app.js").status()).isEqualTo(200);
        assertThat(reads.get("/app.css").status()).isEqualTo(200);
    }

    @Test
    void aPathWithAParameterSegmentIsRefusedWithAProblem() {
        ReadClient.Reply reply = reads.get("/api;x=1/organizations/x/history");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith(PROBLEM_JSON);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:endorsements:problem:malformed-request");
    }

    @Test
    void anEncodedPathIsJudgedAsThePathItDecodesTo() {
        ReadClient.Reply reply = reads.get("/%61pi/organizations/x/history");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith(PROBLEM_JSON);
    }

    @Test
    void aMalformedUriThatTomcatRefusesIsAProblemNotAnHtmlPage() {
        RawHttp.Response reply = rawGet("/api/%zz");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(reply.body())
                .contains("urn:endorsements:problem:malformed-request")
                .doesNotContain("<html");
    }

    @Test
    void tomcatsOwnRefusalCarriesTheSecurityHeaders() {
        RawHttp.Response reply = rawGet("/api/%zz");

        assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(reply.header("Content-Security-Policy")).hasValue("default-src 'self'");
        assertThat(reply.header("Cache-Control")).hasValue("no-store");
    }

    @Test
    void theFirewallsRefusalCarriesTheSecurityHeaders() {
        RawHttp.Response reply = rawGet("/api;x=1/statements");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(reply.header("Referrer-Policy")).hasValue("no-referrer");
        assertThat(reply.header("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aHeaderTheFirewallRefusesWhenSpringMvcReadsItIsA400Problem() {
        RawHttp.Response response = new RawHttp("127.0.0.1", port)
                .send(RawHttp.Request.of("GET", "/api/statements").header("Accept", "text/\u0085html"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.body()).isTrue();
        assertThat(response.body()).contains("urn:endorsements:problem:malformed-request");
    }

    @Test
    void theActuatorExposesHealthAndPrometheusOnly() {
        assertThat(reads.get("/actuator/health").status()).isEqualTo(200);
        // (Prometheus is exposed too, but Spring Boot's tests turn metric export off, so it is absent here.)
        assertThat(reads.get("/actuator/metrics").status()).isEqualTo(404);
        assertThat(reads.get("/actuator/info").status()).isEqualTo(404);
    }

    /** A request as written, for what an HTTP client library refuses to send (a malformed URI). */
    private RawHttp.Response rawGet(String target) {
        return new RawHttp("127.0.0.1", port).send(RawHttp.Request.of("GET", target));
    }
}
