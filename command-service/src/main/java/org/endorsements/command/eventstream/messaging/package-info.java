/**
 * Relays public events from the event store (the outbox) to the Kafka topic, each acknowledged before its batch
 * commits.
 */
package org.endorsements.command.eventstream.messaging;
