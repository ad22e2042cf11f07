package org.endorsements.query.projection.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.endorsements.events.DataKeys;
import org.endorsements.query.projection.BatchProjection;
import org.endorsements.query.projection.InstancesProperties;
import org.endorsements.query.projection.ProjectionEngine;
import org.endorsements.query.projection.ProjectionProperties;
import org.endorsements.query.projection.persistence.ActiveGeneration;
import org.endorsements.query.projection.persistence.InstanceRegistry;
import org.endorsements.query.projection.persistence.MongoEngineStore;
import org.endorsements.query.projection.persistence.ReplayLease;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    /** Why a record was parked, in a few words (kafka_dlt-* headers say where it came from). */
    static final String REASON_HEADER = "dlt_reason";
    /** Lets the producer choose the dead-letter topic's partition. */
    private static final int ANY_PARTITION = -1;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoEngineStore engineStore(MongoTemplate mongo, ProjectionProperties properties) {
        return new MongoEngineStore(mongo, properties.topic());
    }

    /** Every feature's projection; the live generation's indexes are declared at start. */
    @Bean
    ProjectionEngine projectionEngine(
            MongoEngineStore store, List<BatchProjection> projections, ActiveGeneration live) {
        ProjectionEngine engine = new ProjectionEngine(store, projections);
        engine.declareIndexes(live.current());
        return engine;
    }

    /**
     * The live projection's consumer alone joins as a static member: the replay's and the credential digests'
     * consumers are short-lived and must not claim this instance's name.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> staticMembership(
            ProjectionProperties properties) {
        return container -> {
            if (ProjectionListener.LISTENER_ID.equals(container.getListenerId())
                    && !properties.instanceId().isBlank()) {
                container
                        .getContainerProperties()
                        .getKafkaConsumerProperties()
                        .setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, properties.instanceId());
            }
        };
    }

    @Bean
    ProjectionListener projectionListener(
            ProjectionEngine engine,
            MongoEngineStore store,
            ActiveGeneration live,
            ProjectionProperties properties,
            MeterRegistry meters,
            ApplicationEventPublisher events,
            DataKeys keys) {
        return new ProjectionListener(engine, store, live, properties, meters, events, keys);
    }

    /**
     * A replay runs on an executor of its own, built by Spring Boot's builder (so it follows the service's task
     * settings, virtual threads included): one replay at a time (see {@link Replay#start}), on a thread that never
     * holds up shutdown. Not a bean: an {@code Executor} bean would make Spring Boot drop the application task
     * executor, which the async reads run on.
     */
    @Bean
    Replay replay(
            ProjectionEngine engine,
            MongoEngineStore store,
            MongoTemplate mongo,
            ActiveGeneration live,
            ProjectionProperties properties,
            KafkaProperties kafka,
            KafkaListenerEndpointRegistry listeners,
            Clock clock,
            ProjectionListener listener,
            SimpleAsyncTaskExecutorBuilder executors,
            ReplayLease lease,
            InstanceRegistry instances,
            InstancesProperties instancesProperties) {
        SimpleAsyncTaskExecutor executor =
                executors.threadNamePrefix("replay-").concurrencyLimit(1).build();
        executor.setDaemon(true);
        return new Replay(
                engine,
                store,
                mongo,
                live,
                properties,
                kafka,
                listeners,
                clock,
                listener,
                executor,
                lease,
                instances,
                instancesProperties);
    }

    @Bean
    ReplayLease replayLease(MongoTemplate mongo, Clock clock, InstancesProperties instances) {
        return new ReplayLease(mongo, clock, instances.leaseDuration());
    }

    /**
     * Named as in the consumer group when the instance has a name there; otherwise a name of this process's own,
     * new at every start (a restarted unnamed instance is a new one, and the old name expires).
     */
    @Bean
    InstanceRegistry instanceRegistry(
            MongoTemplate mongo, Clock clock, ProjectionProperties properties, InstancesProperties instances) {
        String name = properties.instanceId().isBlank()
                ? "query-" + java.util.UUID.randomUUID().toString().substring(0, 8)
                : properties.instanceId();
        return new InstanceRegistry(mongo, clock, instances.instanceExpiry(), name);
    }

    @Bean
    GenerationFollower generationFollower(
            ActiveGeneration active,
            InstanceRegistry registry,
            InstancesProperties instances,
            KafkaListenerEndpointRegistry listeners,
            ProjectionListener listener,
            Replay replay,
            KafkaLiveProjection projection) {
        return new GenerationFollower(active, registry, instances, listeners, listener, replay, projection);
    }

    @Bean
    OtherInstancesWatcher otherInstancesWatcher(
            ProjectionProperties projection,
            InstancesProperties instances,
            KafkaProperties kafka,
            MongoEngineStore store,
            ActiveGeneration live,
            ProjectionListener listener,
            ApplicationEventPublisher events) {
        return new OtherInstancesWatcher(projection, instances, kafka, store, live, listener, events);
    }

    @Bean
    KafkaLiveProjection liveProjection(
            KafkaListenerEndpointRegistry listeners,
            ProjectionListener listener,
            Replay replay,
            InstanceRegistry instances,
            ActiveGeneration live) {
        return new KafkaLiveProjection(listeners, listener, replay, instances, live);
    }

    /**
     * A record that can never be projected (the listener names it in a {@link BatchListenerFailedException}) is
     * parked in the dead-letter topic at once, with headers saying why, and the projection goes on after it. A
     * batch that fails for any other reason (e.g. MongoDB unreachable) is retried, never skipped.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler(
            ProjectionProperties properties, KafkaTemplate<String, byte[]> kafka, ProjectionListener listener) {
        DeadLetterPublishingRecoverer parking = new DeadLetterPublishingRecoverer(
                kafka, (record, exception) -> new TopicPartition(properties.deadLetterTopic(), ANY_PARTITION));
        parking.setHeadersFunction((record, exception) -> reason(exception));
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, exception) -> {
            parking.accept(record, consumer, exception);
            listener.parked(record);
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(
                recoverer, new FixedBackOff(properties.retryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS));
        handler.addNotRetryableExceptions(UnprojectableRecordException.class);
        return handler;
    }

    /** The short reason next to Spring Kafka's exception headers, which carry the listener's wrapping. */
    private static Headers reason(Exception exception) {
        Throwable cause = exception;
        while (cause != null && !(cause instanceof UnprojectableRecordException)) {
            cause = cause.getCause();
        }
        String reason = cause == null ? String.valueOf(exception.getMessage()) : cause.getMessage();
        return new RecordHeaders().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    NewTopic deadLetterTopic(ProjectionProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic())
                .partitions(1)
                .replicas(1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))
                .build();
    }
}
