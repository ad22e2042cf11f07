/** Statements over HTTP, and their live counts as server-sent events. */
package org.endorsements.query.statement.web;
