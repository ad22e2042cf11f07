/**
 * Moderation: an admin invalidates endorsements (one, or a list after a dry run) and reinstates them. The
 * decisions are the {@code Endorsement} aggregate's; this feature plans lists against the registry and runs them
 * as jobs.
 */
package org.endorsements.command.moderation;
