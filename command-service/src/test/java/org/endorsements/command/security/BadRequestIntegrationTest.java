package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Refusals that need the event store or the registry behind the service. What the controllers and the security
 * chain decide alone is in the controller slices ({@code *ControllerTest}).
 */
@IntegrationTest
class BadRequestIntegrationTest extends TestStackSupport {

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void registeringAnExistingOrganizationIdIsAConflict() {
        Api.Response first = api.registerOrganization("Twice");
        Api.Response second = api.send(
                "POST",
                "/api/organizations",
                ADMIN_KEY,
                "{\"organizationId\":\"" + first.text("organizationId") + "\",\"name\":\"Twice\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("type")).isEqualTo("urn:endorsements:problem:already-exists");
    }

    @Test
    void aRotatedKeyStopsWorkingAtOnce() {
        Api.Response org = api.registerOrganization("Rotating");
        String id = org.text("organizationId");
        Api.Response rotated = api.send("POST", "/api/organizations/" + id + "/credentials", org.text("apiKey"), null);
        assertThat(rotated.status()).isEqualTo(201);
        String statement = api.publishStatement();
        String path = "/api/statements/" + statement + "/endorsements/" + id;
        assertThat(api.send("PUT", path, org.text("apiKey"), null).status()).isEqualTo(401);
        assertThat(api.send("PUT", path, rotated.text("apiKey"), null).status()).isEqualTo(201);
    }

    @Test
    void withdrawingAnEndorsementThatNeverExistedIsAConflict() {
        Api.Response org = api.registerOrganization("Never endorsed");
        String statement = api.publishStatement();
        Api.Response response = api.send(
                "DELETE",
                "/api/statements/" + statement + "/endorsements/" + org.text("organizationId"),
                org.text("apiKey"),
                null);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("type")).isEqualTo("urn:endorsements:problem:not-endorsed");
    }
}
