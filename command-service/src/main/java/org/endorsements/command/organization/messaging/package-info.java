/** Publishes each organization's current key digest on the private, compacted credential topic. */
package org.endorsements.command.organization.messaging;
