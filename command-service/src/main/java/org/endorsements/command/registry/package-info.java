/**
 * The command side's registries of statements, organizations and credentials, and the signatory rules an
 * endorsement asks of them; the JDBC tables behind them are in {@code persistence}.
 */
package org.endorsements.command.registry;
