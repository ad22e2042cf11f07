package org.endorsements.command.statement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.StatementId;

public record CloseStatementCommand(
        @TargetAggregateIdentifier StatementId statementId, Instant at) {}
