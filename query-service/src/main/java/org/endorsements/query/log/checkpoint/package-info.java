/** Signed checkpoints of the logs, their signing keys and the witnesses that cosign them. */
package org.endorsements.query.log.checkpoint;
