package org.endorsements.command.statement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.StatementId;

public record PublishStatementCommand(
        @TargetAggregateIdentifier StatementId statementId,
        String title,
        String body,
        String language,
        String signatoryListIntro,
        String closingNote,
        Instant at) {}
