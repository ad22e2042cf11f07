package org.endorsements.command.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The service's real security chain for a controller slice: bearer-key authentication, rate limit (buckets in
 * memory), request rules and body size limit. Only the registry it looks keys up in is the test's.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
@Import({SecurityConfiguration.class, ApiKeyAuthenticationProvider.class, RateLimiter.class})
public class SliceSecurity {

    @Bean
    BucketStore bucketStore(SecurityProperties properties) {
        return new InMemoryBucketStore(properties.rateLimit().buckets());
    }
}
