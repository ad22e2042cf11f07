/** The audit trail's projection and queries in MongoDB. */
package org.endorsements.query.audit.persistence;
