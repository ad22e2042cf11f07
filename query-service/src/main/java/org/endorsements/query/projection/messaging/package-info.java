/** The engine's Kafka side: the live listener, dead letters, pause and replay into a new generation. */
package org.endorsements.query.projection.messaging;
