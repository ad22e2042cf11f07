package org.endorsements.query.security.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.endorsements.events.CredentialDigest;
import org.endorsements.query.security.OrganizationKeys;
import org.endorsements.query.security.ReadSecurityProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.ConsumerFactory;

class CredentialDigestReaderTest {

    private static final String TOPIC = "credentials";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final OrganizationKeys keys = new OrganizationKeys();
    private CredentialDigestReader reader;

    @AfterEach
    void stop() {
        reader.stop();
    }

    @Test
    void aBrokerThatStopsAnsweringAfterTheTopicWasReadLeavesEveryKnownKeyOpening() {
        MockConsumer<String, byte[]> first = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        first.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        first.updateBeginningOffsets(Map.of(PARTITION, 0L));
        first.updateEndOffsets(Map.of(PARTITION, 1L));
        first.schedulePollTask(() -> first.addRecord(
                new ConsumerRecord<>(TOPIC, 0, 0, "a", new CredentialDigest("a", "c1", "h1", true).encode())));
        AtomicInteger askedForPartitions = new AtomicInteger();
        MockConsumer<String, byte[]> unanswering = new MockConsumer<>(OffsetResetStrategy.EARLIEST) {
            @Override
            public synchronized List<PartitionInfo> partitionsFor(String topic, Duration timeout) {
                askedForPartitions.incrementAndGet();
                throw new TimeoutException("no broker answers");
            }
        };
        start(first, unanswering);
        await().atMost(Duration.ofSeconds(10)).until(keys::caughtUp);

        first.setPollException(new KafkaException("connection lost"));
        await().atMost(Duration.ofSeconds(10)).until(() -> askedForPartitions.get() >= 3);

        assertThat(keys.organizationOf("h1")).contains("a");
        assertThat(keys.caughtUp()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private void start(MockConsumer<String, byte[]> first, MockConsumer<String, byte[]> then) {
        ConsumerFactory<String, byte[]> consumers = mock(ConsumerFactory.class);
        when(consumers.createConsumer(isNull(), anyString(), isNull(), any(Properties.class)))
                .thenReturn(first, then);
        reader = new CredentialDigestReader(
                consumers,
                keys,
                new ReadSecurityProperties(
                        "auditor",
                        "admin",
                        new ReadSecurityProperties.CredentialDigests(
                                TOPIC, (short) 1, Duration.ofMillis(20), Duration.ofMillis(20)),
                        null,
                        null));
        reader.start();
    }
}
