package org.endorsements.query.projection.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.endorsements.query.projection.ProjectionProperties;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

class StaticMembershipTest {

    @Test
    void theLiveProjectionJoinsUnderTheInstanceNameItIsGiven() {
        var container = container(ProjectionListener.LISTENER_ID);

        customize(container, "query-1");

        assertThat(instanceName(container)).isEqualTo("query-1");
    }

    @Test
    void anotherListenerNeverClaimsTheInstanceName() {
        var container = container("credential-digests");

        customize(container, "query-1");

        assertThat(instanceName(container)).isNull();
    }

    @Test
    void anUnnamedInstanceJoinsAsADynamicMember() {
        var container = container(ProjectionListener.LISTENER_ID);

        customize(container, "");

        assertThat(instanceName(container)).isNull();
    }

    private static ConcurrentMessageListenerContainer<Object, Object> container(String listenerId) {
        var container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of()), new ContainerProperties("endorsement-events"));
        container.setBeanName(listenerId);
        return container;
    }

    private static void customize(ConcurrentMessageListenerContainer<Object, Object> container, String instanceId) {
        var properties = new ProjectionProperties(
                "endorsement-events",
                "endorsement-events.dlt",
                "endorsements-query",
                1,
                Duration.ofSeconds(1),
                instanceId);
        new ProjectionConfiguration().staticMembership(properties).configure(container);
    }

    private static String instanceName(ConcurrentMessageListenerContainer<Object, Object> container) {
        return container
                .getContainerProperties()
                .getKafkaConsumerProperties()
                .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }
}
