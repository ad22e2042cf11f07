package org.endorsements.command.shared.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The web plumbing every controller slice needs besides the controller: the strict JSON reader, the signer of
 * positions and a fixed clock.
 * The problem handler is an advice, which the slice picks up itself.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({StrictJsonConfiguration.class, Positions.class})
public class SliceWeb {

    public static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
