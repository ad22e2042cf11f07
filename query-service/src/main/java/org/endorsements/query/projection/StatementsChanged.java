package org.endorsements.query.projection;

import java.util.Set;

/** Published after a batch is written: these statements' views changed. */
public record StatementsChanged(Set<String> statementIds) {
}
