/** The rate limiter's buckets shared by every instance, in a PostgreSQL table. */
package org.endorsements.command.security.persistence;
