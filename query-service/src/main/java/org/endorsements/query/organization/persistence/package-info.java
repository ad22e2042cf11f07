/** The organizations' projection and queries in MongoDB. */
package org.endorsements.query.organization.persistence;
