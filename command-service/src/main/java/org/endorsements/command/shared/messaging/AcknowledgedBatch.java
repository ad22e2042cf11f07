package org.endorsements.command.shared.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Kafka sends made while an Axon tracking processor handles a batch of stored events. They go out asynchronously;
 * before the batch commits (and the processor's token advances) every one of them must be acknowledged by the
 * broker. A send that fails fails the batch, which the processor then handles again: what is published reaches
 * the topic at least once, and never is a token ahead of the topic. The event relay and the credential digest
 * publisher both publish this way.
 */
public final class AcknowledgedBatch {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String resourceKey;

    /** @param owner the publisher, whose name keeps its pending sends apart from another's in one unit of work */
    public AcknowledgedBatch(KafkaTemplate<String, byte[]> kafka, Class<?> owner) {
        this.kafka = kafka;
        this.resourceKey = owner.getName() + ".pending";
    }

    /** Sends within the current unit of work; the first send of a batch registers the wait before its commit. */
    public void send(ProducerRecord<String, byte[]> record) {
        pendingSends().add(kafka.send(record));
    }

    private List<CompletableFuture<SendResult<String, byte[]>>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(resourceKey, key -> {
            List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        kafka.flush();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledgedException("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new NotAcknowledgedException("the broker did not acknowledge a batch; it will be sent again", e);
        }
    }

    /** The batch was not acknowledged: it rolls back and is handled again. */
    public static final class NotAcknowledgedException extends RuntimeException {
        NotAcknowledgedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
