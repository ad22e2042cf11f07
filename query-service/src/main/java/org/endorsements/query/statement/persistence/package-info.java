/** The statements' projection and queries in MongoDB. */
package org.endorsements.query.statement.persistence;
