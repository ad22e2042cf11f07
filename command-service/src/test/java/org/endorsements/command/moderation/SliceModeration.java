package org.endorsements.command.moderation;

import static org.mockito.Mockito.mock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The moderation controller's planner with its default properties, on the slice's mock registry and gateway; its
 * job store and transactions are mocks too (a slice has no database: an unknown job is not found).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(ModerationProperties.class)
@Import(InvalidationJobs.class)
public class SliceModeration {

    @Bean
    InvalidationJobStore invalidationJobStore() {
        return mock(InvalidationJobStore.class);
    }

    @Bean
    PlatformTransactionManager sliceTransactionManager() {
        return mock(PlatformTransactionManager.class);
    }
}
