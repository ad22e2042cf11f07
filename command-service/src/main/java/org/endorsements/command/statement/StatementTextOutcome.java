package org.endorsements.command.statement;

/** The content hash of a text just recorded, and the statement's sequence number after its event. */
public record StatementTextOutcome(String contentHash, long sequence) {}
