/** Messaging that several features publish through: the acknowledged batch of a tracking processor. */
package org.endorsements.command.shared.messaging;
