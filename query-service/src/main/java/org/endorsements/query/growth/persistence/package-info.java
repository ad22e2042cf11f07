/** The growth buckets' projection (with each statement's running count) and queries in MongoDB. */
package org.endorsements.query.growth.persistence;
