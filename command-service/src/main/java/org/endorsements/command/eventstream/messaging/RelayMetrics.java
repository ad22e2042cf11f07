package org.endorsements.command.eventstream.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes the relay's lag: events in the store that the relay has not yet handed to Kafka. Computed at scrape
 * time from the store's head and the relay's token.
 */
@Component
class RelayMetrics {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final MeterRegistry meters;

    RelayMetrics(EventStore eventStore, EventProcessingConfiguration processing, MeterRegistry meters) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Gauge.builder("endorsements.relay.lag", this, RelayMetrics::lag)
                .description("Events in the event store not yet acknowledged by Kafka")
                .register(meters);
    }

    double lag() {
        long head = position(eventStore.createHeadToken());
        long relayed = processing
                .eventProcessor(KafkaEventRelay.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().values().stream()
                        .map(s -> s.getCurrentPosition())
                        .mapToLong(o -> o.orElse(-1))
                        .min()
                        .orElse(-1))
                .orElse(-1L);
        return Math.max(0, head - relayed);
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }
}
