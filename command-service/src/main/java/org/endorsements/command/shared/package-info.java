/**
 * What every feature of the command service shares: domain rule violations, text rules, API keys, the caller's
 * metadata key and the clock.
 */
package org.endorsements.command.shared;
