/** Signatory lists, documents, exports and breakdowns of a statement's endorsements. */
package org.endorsements.query.endorsement.web;
