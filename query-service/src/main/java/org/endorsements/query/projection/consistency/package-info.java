/** Read-your-writes: reads with {@code minPosition} wait for the engine to reach it. */
package org.endorsements.query.projection.consistency;
