/** The endorsements' projection and queries in MongoDB. */
package org.endorsements.query.endorsement.persistence;
