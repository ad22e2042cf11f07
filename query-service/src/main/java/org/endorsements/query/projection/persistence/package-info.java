/** The engine's positions, per partition and per aggregate, and the live generation, in MongoDB. */
package org.endorsements.query.projection.persistence;
