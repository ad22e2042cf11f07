/** What every feature shares; it depends on none of them. */
package org.endorsements.query.shared;
