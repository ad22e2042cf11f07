/** Recounts the views from the audit trail and reports any drift, on demand and on a schedule. */
package org.endorsements.query.reconciliation;
