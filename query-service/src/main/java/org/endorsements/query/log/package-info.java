/** Each statement's verifiable Merkle log (RFC 6962), projected from its events. */
package org.endorsements.query.log;
