package org.endorsements.command.statement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.StatementId;

/**
 * Another text of the version in force: a translation by {@code translator}, or, with {@code original}, the
 * original that the version's text of record was translated from (no translator then).
 */
public record AddStatementTranslationCommand(
        @TargetAggregateIdentifier StatementId statementId,
        String language,
        String title,
        String body,
        String translator,
        boolean original,
        Instant at) {}
