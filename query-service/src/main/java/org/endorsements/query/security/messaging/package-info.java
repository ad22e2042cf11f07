/** The credential digests the command service publishes, read from their topic. */
package org.endorsements.query.security.messaging;
