package org.endorsements.query.support;

import static org.mockito.Mockito.when;

import jakarta.servlet.AsyncContext;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.endorsements.events.CanonicalText;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.events.CredentialDigest;
import org.endorsements.query.projection.AggregatePositions;
import org.endorsements.query.projection.consistency.ConsistencyGate;
import org.endorsements.query.security.OrganizationKeys;
import org.endorsements.query.security.ReadSecurityProperties;
import org.endorsements.query.shared.web.ExpensiveReads;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What every controller of a {@code @WebMvcTest} slice stands behind, the same beans as in the running service:
 * the security chain, recognizing the admin's and the auditor's keys from configuration and organizations' keys
 * from their published digests; the problem handling; the read-your-writes gate, over applied positions that a
 * test sets ({@link Views}); and the bulkhead for large reads. Nothing here reads MongoDB or Kafka.
 * <p>
 * All wiring of the query service's infrastructure for slices is here, so that a slice test names only its
 * controller and that controller's queries.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(QueryWebSlice.Infrastructure.class)
@MockitoBean(types = AggregatePositions.class)
@TestPropertySource(
        properties = {
            "endorsements.security.auditor-key=" + QueryWebSlice.AUDITOR_KEY,
            "endorsements.security.admin-key=" + QueryWebSlice.ADMIN_KEY,
            // One slice's context serves every test of its class, all from one address: the failures a class provokes
            // on purpose must not run into the limit that a flood of them would.
            "endorsements.security.failed-authentication.requests=" + QueryWebSlice.FAILED_AUTHENTICATIONS_PER_CLASS
        })
public @interface QueryWebSlice {

    String AUDITOR_KEY = "slice-auditor-key";
    String ADMIN_KEY = "slice-admin-key";
    /** An organization with a key of its own, published as the command service publishes it. */
    String ORGANIZATION = "org-with-key";

    String ORGANIZATION_KEY = "slice-key-of-org-with-key";
    String OTHER_ORGANIZATION = "other-org-with-key";
    String OTHER_ORGANIZATION_KEY = "slice-key-of-other-org";
    String FAILED_AUTHENTICATIONS_PER_CLASS = "1000";
    /** How long a test waits for one async cycle of a request. */
    Duration ASYNC_TIMEOUT = Duration.ofSeconds(10);

    /** What requests and answers of a slice are made of. */
    final class Http {

        private Http() {}

        /** The documented type of a problem with this code. */
        public static String problem(String code) {
            return "urn:endorsements:problem:" + code;
        }

        /** An {@code Authorization} header with this key. */
        public static String bearer(String key) {
            return "Bearer " + key;
        }

        /**
         * The answer once every async cycle of the request has run. A streamed answer has two: the read behind
         * the read-your-writes gate (a future), then the streaming of its body, which
         * {@link MockMvcTester.MockMvcRequestBuilder#exchange()} does not wait for.
         */
        public static MvcTestResult streamed(MockMvcTester mvc, MockMvcTester.MockMvcRequestBuilder request) {
            MvcTestResult result = request.asyncExchange();
            Set<AsyncContext> cycles = Collections.newSetFromMap(new IdentityHashMap<>());
            while (result.getUnresolvedException() == null
                    && result.getRequest().isAsyncStarted()) {
                MvcResult cycle = result.getMvcResult();
                cycles.add(cycle.getRequest().getAsyncContext());
                cycle.getAsyncResult(ASYNC_TIMEOUT.toMillis());
                result = mvc.perform(MockMvcRequestBuilders.asyncDispatch(cycle));
            }
            // A container ends the request after its last cycle, and so tells the listeners of each (the bulkhead
            // releases its permits then); MockMvc does not.
            cycles.forEach(AsyncContext::complete);
            return result;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({
        ReadSecurityProperties.class,
        ConsistencyGate.Properties.class,
        ExpensiveReads.Properties.class
    })
    @Import({ConsistencyGate.class, ExpensiveReads.class, WebInfrastructure.class})
    class Infrastructure {

        /** Fed as the credential topic's reader feeds it: one digest per organization, then caught up. */
        @Bean
        OrganizationKeys organizationKeys() {
            OrganizationKeys keys = new OrganizationKeys();
            keys.apply(ORGANIZATION, digest(ORGANIZATION, ORGANIZATION_KEY));
            keys.apply(OTHER_ORGANIZATION, digest(OTHER_ORGANIZATION, OTHER_ORGANIZATION_KEY));
            keys.markCaughtUp();
            return keys;
        }

        @Bean
        Views views(AggregatePositions positions) {
            return new Views(positions);
        }

        private static CredentialDigest digest(String organization, String key) {
            return new CredentialDigest(
                    organization, "credential-of-" + organization, CanonicalText.sha256Hex(key), true);
        }
    }

    /**
     * The package-private configuration and advice of the service, by name: the security chain, the problem
     * handlers and the filter that releases the bulkhead's permits.
     */
    final class WebInfrastructure implements ImportSelector {

        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] {
                "org.endorsements.query.security.web.SecurityConfiguration",
                "org.endorsements.query.shared.web.ProblemHandler",
                "org.endorsements.query.shared.web.ParameterProblems",
                "org.endorsements.query.shared.web.ExpensiveReadsFilter"
            };
        }
    }

    /** How far the views have applied each aggregate's events, as the read-your-writes gate asks for it. */
    final class Views {

        private final AggregatePositions positions;

        Views(AggregatePositions positions) {
            this.positions = positions;
        }

        /** The views include the write that {@code token} was returned for. */
        public void include(ConsistencyToken token) {
            when(positions.appliedSequence(token.aggregateType(), token.aggregateId()))
                    .thenReturn(Optional.of(token.sequence()));
        }
    }
}
