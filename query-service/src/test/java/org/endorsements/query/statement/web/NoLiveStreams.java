package org.endorsements.query.statement.web;

import static org.mockito.Mockito.mock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Live streams that open nothing, for a slice outside this package that loads the live count's controller (the
 * streams are this package's own, so {@code @MockitoBean} cannot name them there).
 */
@TestConfiguration(proxyBeanMethods = false)
public class NoLiveStreams {

    @Bean
    LiveStreams liveStreams() {
        return mock(LiveStreams.class);
    }
}
