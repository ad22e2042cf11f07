package org.endorsements.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.bearer;
import static org.endorsements.query.support.QueryWebSlice.Http.streamed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.endorsements.query.audit.persistence.AuditQueries;
import org.endorsements.query.dashboard.DashboardProperties;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.endorsement.web.InForceAt;
import org.endorsements.query.growth.GrowthProperties;
import org.endorsements.query.growth.persistence.GrowthQueries;
import org.endorsements.query.log.checkpoint.CheckpointWitnesses;
import org.endorsements.query.log.checkpoint.Checkpointer;
import org.endorsements.query.log.checkpoint.LogSigningKey;
import org.endorsements.query.log.persistence.MongoLogStore;
import org.endorsements.query.organization.OrganizationChanges;
import org.endorsements.query.organization.persistence.OrganizationQueries;
import org.endorsements.query.projection.messaging.Replay;
import org.endorsements.query.reconciliation.Reconciler;
import org.endorsements.query.shared.cache.ResultCache;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.endorsements.query.statement.web.NoLiveStreams;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurationImportSelector;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every registered endpoint, asked by every kind of caller, with its own method and with HEAD and OPTIONS (which
 * Spring MVC answers with the GET handler, and by itself). The endpoints come from Spring MVC's own mappings of
 * every controller of the service and of the API description, and each must have a row in {@link #RULES}: an
 * endpoint added without deciding who may call it fails this test.
 * <p>
 * Every query behind the controllers is a mock that knows nothing (so a read allowed is mostly a 404): what is
 * judged is who gets past the security chain, which is the service's own.
 */
@WebMvcTest
@QueryWebSlice
@MockitoBean(
        types = {
            AuditQueries.class,
            EndorsementQueries.class,
            StatementQueries.class,
            OrganizationQueries.class,
            GrowthQueries.class,
            InForceAt.class,
            MongoLogStore.class,
            Checkpointer.class,
            LogSigningKey.class,
            CheckpointWitnesses.class,
            Replay.class,
            Reconciler.class
        })
class AuthorizationMatrixSliceTest {

    private enum Rule {
        PUBLIC,
        ANY_KEY,
        AUDITOR,
        ADMIN,
        OWN_ORGANIZATION_OR_AUDITOR,
        NOBODY
    }

    private enum Client {
        ANONYMOUS,
        WRONG_KEY,
        ORGANIZATION_A,
        ORGANIZATION_B,
        AUDITOR,
        ADMIN
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("GET /.well-known/endorsements-log-key", Rule.PUBLIC),
            Map.entry("GET /.well-known/endorsements-log-keys", Rule.PUBLIC),
            Map.entry("GET /api/log/witnesses", Rule.PUBLIC),
            Map.entry("GET /api/statements", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/assurance", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/breakdown", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/document", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/document.md", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/document.pdf", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/document.txt", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/endorsements", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/endorsements.csv", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/endorsements.json", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/growth", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/live", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/log/checkpoint", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/log/leaves", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/log/proof/consistency", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/log/proof/inclusion", Rule.PUBLIC),
            Map.entry("GET /statements/{statementId}", Rule.PUBLIC),
            Map.entry("GET /statements/{statementId}/", Rule.PUBLIC),
            Map.entry("GET /embed/statements/{statementId}", Rule.PUBLIC),
            Map.entry("GET /embed/statements/{statementId}/", Rule.PUBLIC),
            Map.entry("GET /api/statements/{statementId}/history", Rule.AUDITOR),
            Map.entry("GET /api/organizations/{organizationId}/history", Rule.AUDITOR),
            Map.entry("GET /api/organizations/{organizationId}", Rule.PUBLIC),
            Map.entry("GET /api/organizations", Rule.PUBLIC),
            Map.entry("GET /api/admin/reconciliation", Rule.AUDITOR),
            Map.entry("GET /i18n/messages.json", Rule.PUBLIC),
            Map.entry("GET /api/admin/replay", Rule.ADMIN),
            Map.entry("POST /api/admin/replay", Rule.ADMIN),
            Map.entry("GET /api/statements/{statementId}/receipts/{organizationId}", Rule.OWN_ORGANIZATION_OR_AUDITOR),
            // Only for the container's error dispatches, never asked for directly.
            Map.entry("GET /error", Rule.NOBODY));

    /**
     * Allowed calls that would start something (a replay), or that would hold the connection open with no body to
     * end it (a stream asked for with HEAD): only the refusals are sent.
     */
    private static final Set<String> NOT_SENT_WHEN_ALLOWED =
            Set.of("POST /api/admin/replay", "HEAD /api/statements/{statementId}/live");

    /** Framework endpoints that are public by nature (the API description). */
    private static final Set<String> FRAMEWORK_PUBLIC_PREFIXES = Set.of("GET /v3/api-docs", "GET /swagger-ui");

    /**
     * What the controllers need besides their queries, as in the service, and the API description's endpoints:
     * the configuration springdoc's starters register, read from their own list so that an endpoint springdoc adds
     * is an endpoint of this matrix too.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ResultCache.Properties.class, DashboardProperties.class, GrowthProperties.class})
    @Import({ResultCache.class, OrganizationChanges.class, NoLiveStreams.class, SpringDoc.class})
    static class Service {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    /**
     * Springdoc's auto-configurations, ordered among the slice's own by Spring Boot as in the service (its web
     * starters' configurations need its core's beans).
     */
    static final class SpringDoc extends AutoConfigurationImportSelector {

        @Override
        protected AnnotationAttributes getAttributes(AnnotationMetadata metadata) {
            AnnotationAttributes none = new AnnotationAttributes();
            none.put("exclude", new String[0]);
            none.put("excludeName", new String[0]);
            return none;
        }

        @Override
        protected List<String> getCandidateConfigurations(
                AnnotationMetadata metadata, AnnotationAttributes attributes) {
            return super.getCandidateConfigurations(metadata, attributes).stream()
                    .filter(candidate -> candidate.startsWith("org.springdoc."))
                    .toList();
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRegisteredEndpointHasARule() {
        Set<String> unruled = new TreeSet<>(endpoints());
        unruled.removeAll(RULES.keySet());
        unruled.removeIf(AuthorizationMatrixSliceTest::isFrameworkEndpoint);
        Set<String> stale = new TreeSet<>(RULES.keySet());
        stale.removeAll(endpoints());

        assertThat(unruled)
                .as("endpoints without a row in the authorization matrix")
                .isEmpty();
        assertThat(stale)
                .as("rows of the matrix for endpoints that no longer exist")
                .isEmpty();
    }

    @Test
    void theApiDescriptionIsAmongTheEndpoints() {
        assertThat(endpoints())
                .filteredOn(AuthorizationMatrixSliceTest::isFrameworkEndpoint)
                .isNotEmpty();
    }

    @Test
    void everyEndpointAnswersEveryCallerAsItsRuleSays() {
        Map<String, String> wrong = new TreeMap<>();
        for (Map.Entry<String, Rule> call : callsWithTheirRules().entrySet()) {
            String endpoint = call.getKey();
            Rule rule = call.getValue();
            for (Client client : Client.values()) {
                Integer expected = expectedRefusal(rule, client);
                if (expected == null && NOT_SENT_WHEN_ALLOWED.contains(endpoint)) {
                    continue;
                }
                int status = send(endpoint, client);
                boolean right = expected == null ? status != 401 && status != 403 && status < 500 : status == expected;
                if (!right) {
                    wrong.put(
                            endpoint + " as " + client,
                            "got " + status + ", expected " + (expected == null ? "allowed" : expected));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Each endpoint with its own method, HEAD (the rule of its GET) and OPTIONS (its rule, except that the public
     * may only read: an OPTIONS of a public endpoint needs a key).
     */
    private Map<String, Rule> callsWithTheirRules() {
        Map<String, Rule> calls = new TreeMap<>();
        for (String endpoint : endpoints()) {
            Rule rule = isFrameworkEndpoint(endpoint) ? Rule.PUBLIC : RULES.get(endpoint);
            if (rule == null) {
                continue; // reported by everyRegisteredEndpointHasARule
            }
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            calls.put(endpoint, rule);
            calls.putIfAbsent("HEAD " + path, rule);
            calls.putIfAbsent("OPTIONS " + path, rule == Rule.PUBLIC ? Rule.ANY_KEY : rule);
        }
        return calls;
    }

    /** The refusal a caller must get, or null where it is allowed. */
    private static Integer expectedRefusal(Rule rule, Client client) {
        if (client == Client.WRONG_KEY) {
            return 401;
        }
        boolean allowed = switch (rule) {
            case PUBLIC -> true;
            case ANY_KEY -> client != Client.ANONYMOUS;
            case AUDITOR -> client == Client.AUDITOR || client == Client.ADMIN;
            case ADMIN -> client == Client.ADMIN;
            case OWN_ORGANIZATION_OR_AUDITOR ->
                client == Client.ORGANIZATION_A || client == Client.AUDITOR || client == Client.ADMIN;
            case NOBODY -> false;
        };
        if (allowed) {
            return null;
        }
        return client == Client.ANONYMOUS ? 401 : 403;
    }

    private int send(String endpoint, Client client) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{statementId}", "matrix-statement")
                .replace("{organizationId}", QueryWebSlice.ORGANIZATION)
                .replaceAll("\\{[^}]+}", "x");
        MockMvcTester.MockMvcRequestBuilder request =
                mvc.method(HttpMethod.valueOf(method)).uri(path);
        String key = switch (client) {
            case ANONYMOUS -> null;
            case WRONG_KEY -> "not-a-key";
            case ORGANIZATION_A -> QueryWebSlice.ORGANIZATION_KEY;
            case ORGANIZATION_B -> QueryWebSlice.OTHER_ORGANIZATION_KEY;
            case AUDITOR -> QueryWebSlice.AUDITOR_KEY;
            case ADMIN -> QueryWebSlice.ADMIN_KEY;
        };
        if (key != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer(key));
        }
        MvcTestResult result = streamed(mvc, request);
        // An exception that nothing handled is what a container answers with 500.
        return result.getUnresolvedException() != null
                ? 500
                : result.getResponse().getStatus();
    }

    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> names = new ArrayList<>();
            if (methods.isEmpty()) {
                names.add("GET");
            } else {
                methods.forEach(m -> names.add(m.name()));
            }
            for (String pattern : info.getPatternValues()) {
                names.forEach(m -> endpoints.add(m + " " + pattern));
            }
        }
        return endpoints;
    }

    private static boolean isFrameworkEndpoint(String endpoint) {
        return FRAMEWORK_PUBLIC_PREFIXES.stream().anyMatch(endpoint::startsWith);
    }
}
