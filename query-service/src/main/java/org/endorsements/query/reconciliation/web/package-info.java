/** The reconciliation report, for auditors. */
package org.endorsements.query.reconciliation.web;
