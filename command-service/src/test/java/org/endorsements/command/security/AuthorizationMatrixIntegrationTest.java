package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Admin, organization A, organization B and anonymous callers against every write endpoint. */
@IntegrationTest
class AuthorizationMatrixIntegrationTest extends TestStackSupport {

    enum Caller { ADMIN, ORG_A, ORG_B, ANONYMOUS }

    /** What each endpoint acts on: organization A, and a statement that A has endorsed where that matters. */
    record Fixture(String orgA, String keyA, String keyB, String statement) {
    }

    @LocalServerPort
    int port;

    private Api api;
    private Fixture fixture;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Api.Response a = api.registerOrganization("Organization A");
        Api.Response b = api.registerOrganization("Organization B");
        fixture = new Fixture(a.text("organizationId"), a.text("apiKey"), b.text("apiKey"), api.publishStatement());
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                row("POST", "/api/organizations", "{\"name\":\"New org %s\"}", false, 201, 403, 403, 401),
                row("POST", "/api/organizations/{a}/credentials", null, false, 201, 201, 403, 401),
                row("DELETE", "/api/organizations/{a}/credentials", null, false, 204, 204, 403, 401),
                row("POST", "/api/organizations/{a}/suspend", "{}", false, 204, 403, 403, 401),
                row("POST", "/api/statements", "{\"title\":\"T\",\"body\":\"B\",\"language\":\"en\"}", false,
                        201, 403, 403, 401),
                row("POST", "/api/statements/{s}/close", null, false, 200, 403, 403, 401),
                row("PUT", "/api/statements/{s}/endorsements/{a}", null, false, 201, 201, 403, 401),
                row("DELETE", "/api/statements/{s}/endorsements/{a}", null, true, 200, 200, 403, 401))
                .flatMap(rows -> rows);
    }

    private static Stream<Arguments> row(String method, String path, String body, boolean endorsedFirst,
            int admin, int orgA, int orgB, int anonymous) {
        return Stream.of(
                Arguments.of(method, path, body, endorsedFirst, Caller.ADMIN, admin),
                Arguments.of(method, path, body, endorsedFirst, Caller.ORG_A, orgA),
                Arguments.of(method, path, body, endorsedFirst, Caller.ORG_B, orgB),
                Arguments.of(method, path, body, endorsedFirst, Caller.ANONYMOUS, anonymous));
    }

    @ParameterizedTest(name = "{4} {0} {1} -> {5}")
    @MethodSource("matrix")
    void eachCallerGetsTheStatusItsRoleAllows(String method, String pathTemplate, String body,
            boolean endorsedFirst, Caller caller, int expected) {
        String path = pathTemplate.replace("{a}", fixture.orgA()).replace("{s}", fixture.statement());
        if (endorsedFirst) {
            assertThat(api.send("PUT", "/api/statements/" + fixture.statement() + "/endorsements/"
                    + fixture.orgA(), fixture.keyA(), null).status()).isEqualTo(201);
        }
        String key = switch (caller) {
            case ADMIN -> ADMIN_KEY;
            case ORG_A -> fixture.keyA();
            case ORG_B -> fixture.keyB();
            case ANONYMOUS -> null;
        };
        String json = body == null ? null : body.formatted(java.util.UUID.randomUUID().toString().substring(0, 8));

        Api.Response response = api.send(method, path, key, json);

        assertThat(response.status()).as(response.body().toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.text("type")).startsWith("urn:endorsements:problem:");
        }
    }
}
