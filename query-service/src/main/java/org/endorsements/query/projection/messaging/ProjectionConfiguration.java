package org.endorsements.query.projection.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.endorsements.query.log.LogProjector;
import org.endorsements.query.log.persistence.MongoLogStore;
import org.endorsements.query.projection.LiveProjection;
import org.endorsements.query.projection.ProjectionProperties;
import org.endorsements.query.projection.Projector;
import org.endorsements.query.projection.persistence.ActiveViews;
import org.endorsements.query.projection.persistence.MongoViewStore;
import org.endorsements.query.projection.persistence.ViewIndexes;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoViewStore liveViewStore(MongoTemplate mongo, ActiveViews views, ProjectionProperties properties) {
        return new MongoViewStore(mongo, views::collections, properties.topic());
    }

    @Bean
    MongoLogStore liveLogStore(MongoTemplate mongo, ActiveViews views) {
        return new MongoLogStore(mongo, views::collections);
    }

    @Bean
    ProjectionListener projectionListener(MongoViewStore store, MongoLogStore logs,
            KafkaTemplate<String, byte[]> kafka, ProjectionProperties properties, MeterRegistry meters, Clock clock,
            ApplicationEventPublisher events) {
        return new ProjectionListener(new Projector(store, clock), new LogProjector(logs), store, kafka, properties,
                meters, events);
    }

    @Bean
    Replay replay(MongoTemplate mongo, ActiveViews views, ProjectionProperties properties, KafkaProperties kafka,
            KafkaListenerEndpointRegistry listeners, Clock clock, ViewIndexes indexes, ProjectionListener listener) {
        return new Replay(mongo, views, properties, kafka, listeners, clock, indexes, listener);
    }

    @Bean
    LiveProjection liveProjection(KafkaListenerEndpointRegistry listeners, ProjectionListener listener,
            Replay replay) {
        return new KafkaLiveProjection(listeners, listener, replay);
    }

    /** A batch that fails for any reason but a poison record (handled in the listener) is retried, never skipped. */
    @Bean
    DefaultErrorHandler projectionErrorHandler(ProjectionProperties properties) {
        return new DefaultErrorHandler(new FixedBackOff(properties.retryInterval().toMillis(),
                FixedBackOff.UNLIMITED_ATTEMPTS));
    }

    @Bean
    NewTopic deadLetterTopic(ProjectionProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).replicas(1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")).build();
    }
}
