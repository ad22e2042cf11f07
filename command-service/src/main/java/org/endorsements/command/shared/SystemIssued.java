package org.endorsements.command.shared;

/**
 * A command the service sends on its own (a deadline that passed, a goal that was reached), never for a request:
 * it carries no caller, and the event it leads to names the rule that acted instead of a person or key.
 */
public interface SystemIssued {}
