package org.endorsements.command.eventstream.messaging;

import org.endorsements.command.eventstream.EventStreamProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Connects the relay's producer and fetches the topic's metadata at start, so the first write after a start is
 * not the one that pays for it (it would reach the views a second later than the rest). Logs what it reached.
 */
@Component
class ProducerWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ProducerWarmUp.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventStreamProperties properties;

    ProducerWarmUp(KafkaTemplate<String, byte[]> kafka, EventStreamProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        try {
            int partitions = kafka.partitionsFor(properties.topic()).size();
            log.info("Kafka relay connected: topic {} has {} partitions", properties.topic(), partitions);
        } catch (RuntimeException e) {
            log.warn("Kafka is not reachable yet ({}); the relay keeps retrying and loses nothing", e.getMessage());
        }
    }
}
