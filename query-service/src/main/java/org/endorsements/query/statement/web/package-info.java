/**
 * Statements over HTTP, and their live counts as server-sent events. The statement's document (its text with the
 * signatories in force at an instant) is served from {@code endorsement.web}, beside the other signatory lists.
 */
package org.endorsements.query.statement.web;
