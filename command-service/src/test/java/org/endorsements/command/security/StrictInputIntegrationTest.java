package org.endorsements.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.endorsements.command.support.Api;
import org.endorsements.command.support.IntegrationTest;
import org.endorsements.command.support.TestStackSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Texts that parse as JSON but that the aggregates refuse, end to end: refused, named, and nothing changes. Bodies
 * whose shape the endpoint does not take are refused before any command, in the controller slices.
 */
@IntegrationTest
class StrictInputIntegrationTest extends TestStackSupport {

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
        return jdbc.sql("SELECT COUNT(*) FROM domainevententry")
                .query(Long.class)
                .single();
    }

    private Api.Response refused(String method, String path, String json, int status, String code) {
        long before = events();
        Api.Response response = api.send(method, path, ADMIN_KEY, json);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:endorsements:problem:" + code);
        assertThat(events()).isEqualTo(before);
        return response;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "\\u202Eevil",
                "a\\u202Ab",
                "a\\u2066b",
                "a\\u2069b",
                "zero\\u200Bwidth",
                "zero\\u200Dwidth",
                "word\\u2060joiner",
                "\\uFEFFbom"
            })
    void aNameWithBidiOrZeroWidthCharactersIsRefused(String escaped) {
        refused("POST", "/api/organizations", "{\"name\":\"Org " + escaped + "\"}", 422, "invalid-name");
    }

    @Test
    void aTitleWithAnOverrideIsRefused() {
        refused(
                "POST",
                "/api/statements",
                "{\"title\":\"T\\u202Eitle\",\"body\":\"B\",\"language\":\"en\"}",
                422,
                "invalid-title");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\uD800", "a\\uDC00b", "\\uDBFF\\uDBFF"})
    void aLoneSurrogateInTheBodyIsRefused(String escaped) {
        refused(
                "POST",
                "/api/statements",
                "{\"title\":\"T\",\"body\":\"We " + escaped + " agree\",\"language\":\"en\"}",
                422,
                "invalid-body");
    }

    @Test
    void aLoneSurrogateInANameIsRefused() {
        refused("POST", "/api/organizations", "{\"name\":\"Org \\uD83D\"}", 422, "invalid-name");
    }

    @Test
    void aPairedSurrogateIsAccepted() {
        Api.Response response = api.send(
                "POST",
                "/api/statements",
                ADMIN_KEY,
                "{\"title\":\"T \\uD83D\\uDE00\",\"body\":\"B\",\"language\":\"en\"}");
        assertThat(response.status()).isEqualTo(201);
    }
}
