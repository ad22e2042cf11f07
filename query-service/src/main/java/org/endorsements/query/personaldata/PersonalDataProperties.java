package org.endorsements.query.personaldata;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param commandServiceUrl where the command service answers ({@code ENDORSEMENTS_COMMAND_SERVICE_URL})
 * @param serviceKey        the key of its internal endpoints ({@code ENDORSEMENTS_SERVICE_KEY}); blank derives it
 *                          from the admin key, as the command service does
 * @param keyCacheSize      how many data keys are kept in memory, most recently used first
 * @param requestTimeout    one request for a key
 * @param retryFor          how long one lookup retries (backing off) while the command service is unreachable
 *                          before the batch fails; the projection then retries the batch, it never skips it
 */
@ConfigurationProperties("endorsements.personal-data")
public record PersonalDataProperties(
        @DefaultValue("http://127.0.0.1:8080") URI commandServiceUrl,
        String serviceKey,
        @DefaultValue("10000") int keyCacheSize,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("30s") Duration retryFor) {}
