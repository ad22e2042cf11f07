package org.endorsements.command.statement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.command.shared.SystemIssued;
import org.endorsements.events.StatementId;

/** {@code at}: the service's time when it found the statement's closing time passed. */
public record CloseStatementAtDeadlineCommand(
        @TargetAggregateIdentifier StatementId statementId, Instant at) implements SystemIssued {}
