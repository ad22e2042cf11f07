/** MongoDB access rules shared by every projection and query: cursors, bulk writes, the embedded server's needs. */
package org.endorsements.query.shared.persistence;
