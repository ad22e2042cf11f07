/** The logs' projection and their leaves, nodes, signers and checkpoints in MongoDB. */
package org.endorsements.query.log.persistence;
