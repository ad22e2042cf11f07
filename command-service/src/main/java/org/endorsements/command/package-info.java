/**
 * The command service: takes signed writes over HTTP, decides them in event-sourced aggregates and relays the
 * public events to Kafka.
 */
package org.endorsements.command;
