/** A size-bounded cache of results keyed by view positions. */
package org.endorsements.query.shared.cache;
