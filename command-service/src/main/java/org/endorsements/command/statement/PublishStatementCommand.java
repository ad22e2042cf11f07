package org.endorsements.command.statement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.command.shared.Actor;
import org.endorsements.events.StatementId;

public record PublishStatementCommand(
        @TargetAggregateIdentifier StatementId statementId,
        String title,
        String body,
        String language,
        String signatoryListIntro,
        String closingNote,
        Actor actor,
        Instant at) {
}
