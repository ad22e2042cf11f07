package org.endorsements.command.organization;

/** What a signing-key command did, and the organization's sequence after it (for the consistency token). */
public record SigningKeyOutcome(boolean changed, long sequence) {}
