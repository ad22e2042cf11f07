/** A statement's view with its running counts, and its document form. */
package org.endorsements.query.statement;
