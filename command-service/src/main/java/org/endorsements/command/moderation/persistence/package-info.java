/** Bulk invalidation jobs in the command side's database (JDBC; the tables of migration V24). */
package org.endorsements.command.moderation.persistence;
