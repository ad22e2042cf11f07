package org.endorsements.command.statement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.StatementId;

/** A new version of the statement's text; {@code language} null keeps the language of the version it replaces. */
public record AmendStatementCommand(
        @TargetAggregateIdentifier StatementId statementId, String title, String body, String language, Instant at) {}
