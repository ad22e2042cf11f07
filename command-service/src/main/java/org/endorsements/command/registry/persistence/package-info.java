/** The registries' tables, updated by a subscribing processor in the transaction that appends each event. */
package org.endorsements.command.registry.persistence;
