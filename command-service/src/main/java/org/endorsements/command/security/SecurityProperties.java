package org.endorsements.command.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param adminKey     the admin API key (from {@code ENDORSEMENTS_ADMIN_KEY}); the service refuses to start without
 * @param maxBodySize  larger request bodies are refused before they are read
 * @param rateLimit    per-key request budget
 */
@ConfigurationProperties("endorsements.security")
public record SecurityProperties(
        String adminKey,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue RateLimit rateLimit) {

    /**
     * @param requests        requests a key may make per {@code period}
     * @param period          the refill period
     * @param limitAdmin      whether the admin key is limited too (off, so imports and benchmarks run at full speed)
     */
    public record RateLimit(
            @DefaultValue("600") long requests,
            @DefaultValue("1m") Duration period,
            @DefaultValue("false") boolean limitAdmin) {
    }
}
