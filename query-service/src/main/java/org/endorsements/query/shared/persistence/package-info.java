/** MongoDB access rules shared by every view's queries. */
package org.endorsements.query.shared.persistence;
