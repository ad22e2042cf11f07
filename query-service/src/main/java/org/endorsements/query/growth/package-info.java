/** How a statement's endorsements grew, hour by hour. */
package org.endorsements.query.growth;
