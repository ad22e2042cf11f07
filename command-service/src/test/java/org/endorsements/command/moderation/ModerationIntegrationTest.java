package org.endorsements.command.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Invalidation, reinstatement and bulk jobs over HTTP on the real event store. */
@IntegrationTest
class ModerationIntegrationTest extends TestStackSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static String endorsement(String statementId, Api.Response org) {
        return "/api/statements/" + statementId + "/endorsements/" + org.text("organizationId");
    }

    private List<String> requestIds(String statementId, Api.Response org) {
        return jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%EndorsementInvalidated'")
                .param(statementId + ":" + org.text("organizationId"))
                .query(String.class)
                .list();
    }

    @Test
    void anInvalidatedEndorsementCannotBeSignedAgainUntilAnAdminReinstatesIt() {
        Api api = new Api(port);
        String statementId = api.publishStatement();
        Api.Response org = api.registerOrganization("Provea");
        String path = endorsement(statementId, org);
        assertThat(api.send("PUT", path, org.text("apiKey"), null).status()).isEqualTo(201);

        Api.Response invalidated = api.send(
                "POST", path + "/invalidation", ADMIN_KEY, "{\"category\":\"forged\",\"reason\":\"never signed\"}");
        assertThat(invalidated.status()).isEqualTo(200);
        Api.Response again = api.send("PUT", path, org.text("apiKey"), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:endorsements:problem:endorsement-invalidated");

        assertThat(api.send("POST", path + "/reinstatement", ADMIN_KEY, "{\"reason\":\"genuine\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.send("PUT", path, org.text("apiKey"), null).status()).isEqualTo(200);
        // The admin's act is what counts it again: it reads no higher than what an admin vouches for.
        assertThat(payloads(statementId, org, "EndorsementReinstated"))
                .singleElement()
                .asString()
                .contains("\"assurance\":\"admin-issued-credential\"");
    }

    private List<String> payloads(String statementId, Api.Response org, String type) {
        return jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND payloadtype LIKE ?")
                .param(statementId + ":" + org.text("organizationId"))
                .param("%" + type)
                .query(String.class)
                .list();
    }

    private long eventsOf(String statementId, Api.Response org) {
        return jdbc.sql("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(statementId + ":" + org.text("organizationId"))
                .query(Long.class)
                .single();
    }

    /**
     * An organization can always take its name back, also from an endorsement an admin invalidated; the
     * invalidation still keeps it from endorsing again, and a reinstatement has nothing left to count.
     */
    @Test
    void anOrganizationWithdrawsAnInvalidatedEndorsementWhichThenCannotBeReinstatedNorSignedAgain() {
        Api api = new Api(port);
        String statementId = api.publishStatement();
        Api.Response org = api.registerOrganization("Fundaredes");
        String path = endorsement(statementId, org);
        assertThat(api.send("PUT", path, org.text("apiKey"), null).status()).isEqualTo(201);
        api.send("POST", path + "/invalidation", ADMIN_KEY, "{\"category\":\"forged\",\"reason\":\"disputed\"}");

        Api.Response withdrawn = api.send("DELETE", path, org.text("apiKey"), "{\"reason\":\"we never signed it\"}");

        assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(200);
        // The reason is recorded, sealed with the organization's data key: never in plain text in the store.
        assertThat(payloads(statementId, org, "InvalidatedEndorsementWithdrawn"))
                .singleElement()
                .asString()
                .contains("\"reason\":\"")
                .doesNotContain("we never signed it");
        long recorded = eventsOf(statementId, org);
        Api.Response reinstated = api.send("POST", path + "/reinstatement", ADMIN_KEY, "{\"reason\":\"genuine\"}");
        assertThat(reinstated.status()).isEqualTo(409);
        assertThat(reinstated.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(reinstated.text("type")).isEqualTo("urn:endorsements:problem:endorsement-withdrawn");
        Api.Response again = api.send("PUT", path, org.text("apiKey"), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("urn:endorsements:problem:endorsement-invalidated");
        assertThat(eventsOf(statementId, org)).isEqualTo(recorded);
    }

    @Test
    void anOrganizationCannotReinstateItself() {
        Api api = new Api(port);
        String statementId = api.publishStatement();
        Api.Response org = api.registerOrganization("Codhez");
        String path = endorsement(statementId, org);
        api.send("PUT", path, org.text("apiKey"), null);
        api.send("POST", path + "/invalidation", ADMIN_KEY, "{\"category\":\"duplicate\",\"reason\":\"twice\"}");

        assertThat(api.send("POST", path + "/reinstatement", org.text("apiKey"), "{}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aBulkInvalidationIsPreviewedThenAppliedAsAJobWhoseEventsNameIt() {
        Api api = new Api(port);
        String statementId = api.publishStatement();
        Api.Response a = api.registerOrganization("Cofavic");
        Api.Response b = api.registerOrganization("Civilis");
        Api.Response c = api.registerOrganization("Espacio Público");
        api.send("PUT", endorsement(statementId, a), a.text("apiKey"), null);
        api.send("PUT", endorsement(statementId, b), b.text("apiKey"), null);
        api.send("PUT", endorsement(statementId, c), c.text("apiKey"), null);
        api.send("DELETE", endorsement(statementId, c), c.text("apiKey"), null);
        String body = "{\"organizationIds\":[\"" + a.text("organizationId") + "\",\"" + b.text("organizationId")
                + "\",\"" + c.text("organizationId") + "\"],\"category\":\"out-of-scope\",\"reason\":\"not NGOs\"}";

        Api.Response preview =
                api.send("POST", "/api/statements/" + statementId + "/invalidations/preview", ADMIN_KEY, body);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().path("countedBefore").asLong()).isEqualTo(2);
        assertThat(preview.body().path("countedAfter").asLong()).isZero();
        assertThat(preview.body().path("steps").findValuesAsText("outcome"))
                .containsExactly("invalidate", "invalidate", "withdrawn");
        assertThat(requestIds(statementId, a)).isEmpty();

        Api.Response started =
                api.send("POST", "/api/statements/" + statementId + "/invalidation-jobs", ADMIN_KEY, body);
        assertThat(started.status()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        String jobId = started.text("jobId");
        await().atMost(WAIT)
                .until(() ->
                        "done".equals(api.send("GET", location, ADMIN_KEY, null).text("status")));

        Api.Response done = api.send("GET", location, ADMIN_KEY, null);
        assertThat(done.body().path("processed").asInt()).isEqualTo(2);
        assertThat(done.body().path("countedAfter").asLong()).isZero();
        assertThat(done.body().path("results").findValuesAsText("outcome"))
                .containsExactly("invalidated", "invalidated");
        assertThat(requestIds(statementId, a)).singleElement().asString().contains("\"requestId\":\"" + jobId + "\"");
        assertThat(requestIds(statementId, b)).singleElement().asString().contains("\"category\":\"out-of-scope\"");
    }
}
