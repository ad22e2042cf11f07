package org.endorsements.command.organization.messaging;

import org.endorsements.events.CredentialDigest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The private topic of credential digests (see {@code events/TOPIC.md}) that lets the query service check
 * organizations' keys without asking this service.
 *
 * @param topic     name of the compacted topic; the query service must be given the same
 * @param replicas  replication factor when the topic is created
 * @param batchSize events the publisher reads before it waits for the broker's acknowledgements
 */
@ConfigurationProperties("endorsements.credential-digests")
public record CredentialDigestProperties(
        @DefaultValue(CredentialDigest.DEFAULT_TOPIC) String topic,
        @DefaultValue("1") short replicas,
        @DefaultValue("100") int batchSize) {}
