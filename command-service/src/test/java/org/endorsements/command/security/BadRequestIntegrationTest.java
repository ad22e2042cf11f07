package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class BadRequestIntegrationTest extends TestStackSupport {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM domainevententry").query(Long.class).single();
    }

    @Test
    void aWrongKeyIsUnauthorizedAndChangesNothing() {
        long before = events();
        Api.Response response = api.send("POST", "/api/statements", "ek_not-a-key",
                "{\"title\":\"T\",\"body\":\"B\",\"language\":\"en\"}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text("type")).isEqualTo("urn:endorsements:problem:invalid-credentials");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsABadRequestWithoutParserDetails() {
        Api.Response response = api.send("POST", "/api/statements", ADMIN_KEY, "{\"title\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("type")).isEqualTo("urn:endorsements:problem:malformed-request");
        assertThat(response.body().toString()).doesNotContain("Jackson", "Exception", "at org.");
    }

    @Test
    void anInvalidLanguageIsRefusedAndChangesNothing() {
        long before = events();
        Api.Response response = api.send("POST", "/api/statements", ADMIN_KEY,
                "{\"title\":\"T\",\"body\":\"B\",\"language\":\"!!\"}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("type")).isEqualTo("urn:endorsements:problem:invalid-language");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aBodyOver64KibIsRefusedBeforeItIsRead() {
        long before = events();
        String huge = "{\"title\":\"T\",\"body\":\"" + "x".repeat(70_000) + "\",\"language\":\"en\"}";
        Api.Response response = api.send("POST", "/api/statements", ADMIN_KEY, huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.text("type")).isEqualTo("urn:endorsements:problem:body-too-large");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void registeringAnExistingOrganizationIdIsAConflict() {
        Api.Response first = api.registerOrganization("Twice");
        Api.Response second = api.send("POST", "/api/organizations", ADMIN_KEY,
                "{\"organizationId\":\"" + first.text("organizationId") + "\",\"name\":\"Twice\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("type")).isEqualTo("urn:endorsements:problem:already-exists");
    }

    @Test
    void aRotatedKeyStopsWorkingAtOnce() {
        Api.Response org = api.registerOrganization("Rotating");
        String id = org.text("organizationId");
        Api.Response rotated = api.send("POST", "/api/organizations/" + id + "/credentials", org.text("apiKey"),
                null);
        assertThat(rotated.status()).isEqualTo(201);
        String statement = api.publishStatement();
        String path = "/api/statements/" + statement + "/endorsements/" + id;
        assertThat(api.send("PUT", path, org.text("apiKey"), null).status()).isEqualTo(401);
        assertThat(api.send("PUT", path, rotated.text("apiKey"), null).status()).isEqualTo(201);
    }

    @Test
    void anOrganizationIdIsDerivedFromTheNameWithoutAccents() {
        Api.Response response = api.send("POST", "/api/organizations", ADMIN_KEY,
                "{\"name\":\"Observatorio Venezolano de Prisiones Ñ " + System.nanoTime() + "\"}");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("organizationId")).startsWith("observatorio-venezolano-de-prisiones-n-");
    }

    @Test
    void everyWriteReturnsAConsistencyToken() {
        Api.Response org = api.registerOrganization("Token");
        assertThat(org.headers().firstValue("X-Event-Position")).isPresent();
        String statement = api.publishStatement();
        Api.Response endorsed = api.send("PUT", "/api/statements/" + statement + "/endorsements/"
                + org.text("organizationId"), org.text("apiKey"), null);
        assertThat(endorsed.headers().firstValue("X-Event-Position")).isPresent();
    }

    @Test
    void anotherOrganizationLearnsNothingFromWithdrawingForSomeoneElse() {
        Api.Response signed = api.registerOrganization("Signed then withdrew");
        Api.Response never = api.registerOrganization("Never signed");
        Api.Response stranger = api.registerOrganization("Stranger");
        String statement = api.publishStatement();
        String signedPath = "/api/statements/" + statement + "/endorsements/" + signed.text("organizationId");
        api.send("PUT", signedPath, signed.text("apiKey"), null);
        api.send("DELETE", signedPath, signed.text("apiKey"), null);
        String neverPath = "/api/statements/" + statement + "/endorsements/" + never.text("organizationId");

        Api.Response aboutSigned = api.send("DELETE", signedPath, stranger.text("apiKey"), null);
        Api.Response aboutNever = api.send("DELETE", neverPath, stranger.text("apiKey"), null);

        assertThat(aboutSigned.status()).isEqualTo(403);
        assertThat(aboutNever.status()).isEqualTo(403);
        assertThat(aboutSigned.text("type")).isEqualTo(aboutNever.text("type"))
                .isEqualTo("urn:endorsements:problem:not-your-organization");
        assertThat(aboutSigned.text("detail")).isEqualTo(aboutNever.text("detail"));
    }

    @Test
    void withdrawingAnEndorsementThatNeverExistedIsAConflict() {
        Api.Response org = api.registerOrganization("Never endorsed");
        String statement = api.publishStatement();
        Api.Response response = api.send("DELETE", "/api/statements/" + statement + "/endorsements/"
                + org.text("organizationId"), org.text("apiKey"), null);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("type")).isEqualTo("urn:endorsements:problem:not-endorsed");
    }
}
