/** An aggregate's history, for auditors. */
package org.endorsements.query.audit.web;
