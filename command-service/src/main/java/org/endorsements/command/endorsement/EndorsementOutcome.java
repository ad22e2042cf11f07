package org.endorsements.command.endorsement;

/**
 * What a command did. {@code sequence} is the aggregate sequence number of the last event of this endorsement,
 * whether this command appended it or it was already there.
 */
public record EndorsementOutcome(boolean changed, long sequence) {}
