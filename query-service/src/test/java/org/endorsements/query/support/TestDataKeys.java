package org.endorsements.query.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.endorsements.events.DataKeys;
import org.endorsements.events.OrganizationId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The data keys of the integration tests, in place of the command service's endpoint (which these tests do not
 * run): one fixed key for every organization, except those whose id starts with {@value #ERASED_PREFIX}, whose key
 * reads as destroyed. {@link TopicWriter} seals with the same key, as the relay would with each organization's.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDataKeys {

    public static final String ERASED_PREFIX = "erased-";
    public static final SecretKey KEY =
            new SecretKeySpec(Arrays.copyOf("query-test-data-key".getBytes(StandardCharsets.UTF_8), 32), "AES");

    public static Optional<SecretKey> keyOf(OrganizationId organizationId) {
        return organizationId.value().startsWith(ERASED_PREFIX) ? Optional.empty() : Optional.of(KEY);
    }

    @Bean
    @Primary
    DataKeys dataKeysOfTheTests() {
        return TestDataKeys::keyOf;
    }
}
