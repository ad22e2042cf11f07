package org.endorsements.command.organization.messaging;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.endorsements.command.organization.CredentialIssued;
import org.endorsements.command.organization.CredentialRevoked;
import org.endorsements.command.organization.RegisteredOrganizations;
import org.endorsements.command.shared.messaging.AcknowledgedBatch;
import org.endorsements.events.CredentialDigest;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.events.OrganizationSuspended;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes each organization's current key as a digest (the key's SHA-256, never the key) on the private
 * compacted credential topic, keyed by organization id, from the event store: an issued key is a digest, a
 * revoked or rotated-away key and a suspension are a tombstone. Events of one organization are handled in order
 * and share the one partition, so the topic's last record per organization is its current state.
 *
 * <p>Same guarantee as the public relay: the batch commits (advancing this processor's token) only once the
 * broker has acknowledged every send of it; a failure rolls it back and it is sent again.
 */
@Component
@ProcessingGroup(CredentialDigestPublisher.PROCESSING_GROUP)
class CredentialDigestPublisher {

    static final String PROCESSING_GROUP = "credential-digests";

    private final AcknowledgedBatch batch;
    private final CredentialDigestProperties properties;
    private final RegisteredOrganizations registry;

    CredentialDigestPublisher(
            KafkaTemplate<String, byte[]> kafka,
            CredentialDigestProperties properties,
            RegisteredOrganizations registry) {
        this.batch = new AcknowledgedBatch(kafka, CredentialDigestPublisher.class);
        this.properties = properties;
        this.registry = registry;
    }

    @EventHandler
    void on(CredentialIssued event) {
        String organization = event.organizationId().value();
        // Suspension is forever, so the registry's current state decides even when this runs behind it: a key
        // issued to an organization suspended now (before or after the issue) must not open anything.
        if (registry.isSuspended(event.organizationId()) || registry.isErased(event.organizationId())) {
            send(organization, null);
            return;
        }
        send(organization, new CredentialDigest(organization, event.credentialId(), event.keyHash(), true).encode());
    }

    @EventHandler
    void on(CredentialRevoked event) {
        send(event.organizationId().value(), null);
    }

    @EventHandler
    void on(OrganizationSuspended event) {
        send(event.organizationId().value(), null);
    }

    /** An erased organization's keys stop working on the query side too. */
    @EventHandler
    void on(OrganizationPersonalDataErased event) {
        send(event.organizationId().value(), null);
    }

    private void send(String organization, byte[] digestOrTombstone) {
        batch.send(new ProducerRecord<>(properties.topic(), organization, digestOrTombstone));
    }
}
