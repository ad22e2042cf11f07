/**
 * Signatory lists over HTTP: a statement's signatories, its document (text and signatories in force at an
 * instant, {@code /api/statements/{id}/document}), exports and breakdowns.
 */
package org.endorsements.query.endorsement.web;
