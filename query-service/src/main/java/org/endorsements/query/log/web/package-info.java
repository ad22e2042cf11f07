/** Log checkpoints, proofs, receipts and witness status over HTTP. */
package org.endorsements.query.log.web;
