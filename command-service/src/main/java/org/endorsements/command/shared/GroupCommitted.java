package org.endorsements.command.shared;

/**
 * A command that may be decided together with others that arrive at the same time, in one unit of work and one
 * transaction (decision 0017). Its handler must decide before it applies: it throws before its first event or not
 * at all, since a command that fails leaves the batch, and other commands' events stay.
 */
public interface GroupCommitted {}
