/** Statements: published texts with their content hash, decided by the Statement aggregate. */
package org.endorsements.command.statement;
