package org.endorsements.command.statement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.StatementId;

/** Replaces both the goal and the closing time; null removes one. */
public record SetStatementTargetsCommand(
        @TargetAggregateIdentifier StatementId statementId, Integer signatureGoal, Instant closesAt, Instant at) {}
