package org.endorsements.command.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opaque ids, unique handles and erasure over HTTP on the real event store and registry (PostgreSQL). */
@IntegrationTest
class ErasureIntegrationTest extends TestStackSupport {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private List<String> eventTypes(String aggregateId) {
        return jdbc
                .sql("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")
                .param(aggregateId)
                .query(String.class)
                .list()
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    private static String handle() {
        return "handle-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Api.Response register(Api api, String handle) {
        return api.send(
                "POST",
                "/api/organizations",
                ADMIN_KEY,
                "{\"handle\":\"" + handle + "\",\"name\":\"Provea\",\"country\":\"VE\"}");
    }

    @Test
    void aNewOrganizationGetsAnOpaqueIdAndASecondRegistrationOfItsHandleIsA409() {
        Api api = new Api(port);
        String handle = handle();

        Api.Response first = register(api, handle);
        Api.Response second = register(api, handle);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("organizationId")).matches("org-[a-z2-7]{16}");
        assertThat(first.text("handle")).isEqualTo(handle);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("type")).isEqualTo("urn:endorsements:problem:handle-taken");
    }

    @Test
    void anErasedOrganizationsKeyStopsWorkingAndTheAdminCannotEndorseForIt() {
        Api api = new Api(port);
        String statementId = api.publishStatement();
        Api.Response org = register(api, handle());
        String id = org.text("organizationId");
        String endorsement = "/api/statements/" + statementId + "/endorsements/" + id;
        assertThat(api.send("PUT", endorsement, org.text("apiKey"), null).status())
                .isEqualTo(201);

        Api.Response erased =
                api.send("DELETE", "/api/organizations/" + id + "/personal-data", org.text("apiKey"), null);
        Api.Response again = api.send(
                "DELETE", "/api/organizations/" + id + "/personal-data", ADMIN_KEY, "{\"reason\":\"asked again\"}");

        assertThat(erased.status()).isEqualTo(204);
        assertThat(erased.headers().firstValue("X-Event-Position")).isPresent();
        assertThat(again.status()).isEqualTo(204);
        assertThat(eventTypes(id)).containsOnlyOnce("OrganizationPersonalDataErased");
        assertThat(api.send("DELETE", endorsement, org.text("apiKey"), null).status())
                .isEqualTo(401);
        Api.Response byAdmin =
                api.send("PUT", "/api/statements/" + api.publishStatement() + "/endorsements/" + id, ADMIN_KEY, "{}");
        assertThat(byAdmin.status()).isEqualTo(409);
        assertThat(byAdmin.text("type")).isEqualTo("urn:endorsements:problem:organization-erased");
        Api.Response rotated = api.send("POST", "/api/organizations/" + id + "/credentials", ADMIN_KEY, null);
        assertThat(rotated.status()).isEqualTo(409);
        assertThat(rotated.text("type")).isEqualTo("urn:endorsements:problem:organization-erased");
    }

    @Test
    void theRegistryKeepsNoNameOrHandleOfAnErasedOrganizationAndItsHandleIsFreeAgain() {
        Api api = new Api(port);
        String handle = handle();
        Api.Response org = register(api, handle);
        String id = org.text("organizationId");

        api.send("DELETE", "/api/organizations/" + id + "/personal-data", ADMIN_KEY, "{\"reason\":\"asked\"}");

        assertThat(jdbc.sql("SELECT name FROM organization_registry WHERE organization_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEmpty();
        assertThat(register(api, handle).status()).isEqualTo(201);
    }
}
