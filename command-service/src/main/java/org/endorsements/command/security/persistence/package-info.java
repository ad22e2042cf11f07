/** The rate limiter's bucket store: in memory, or shared by every instance in a PostgreSQL table. */
package org.endorsements.command.security.persistence;
