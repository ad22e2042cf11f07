package org.endorsements.command.statement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.command.shared.SystemIssued;
import org.endorsements.events.StatementId;

/** The command side counted {@code count} counted endorsements of the statement. */
public record RecordGoalReachedCommand(
        @TargetAggregateIdentifier StatementId statementId, long count, Instant at) implements SystemIssued {}
