package org.endorsements.command.statement;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.SignaturePolicy;
import org.endorsements.events.StatementId;

/**
 * {@code signaturePolicy} null means {@code optional}. {@code translator} and {@code originalLanguage}, both or
 * neither, say that the text is a translation of an original not given here. {@code signatureGoal} and
 * {@code closesAt} null mean no goal and no deadline.
 */
public record PublishStatementCommand(
        @TargetAggregateIdentifier StatementId statementId,
        String title,
        String body,
        String language,
        String signatoryListIntro,
        String closingNote,
        Instant at,
        SignaturePolicy signaturePolicy,
        String translator,
        String originalLanguage,
        Integer signatureGoal,
        Instant closesAt) {

    public PublishStatementCommand {
        if (signaturePolicy == null) {
            signaturePolicy = SignaturePolicy.OPTIONAL;
        }
    }

    /** A statement of its original text, without goal or deadline. */
    public PublishStatementCommand(
            StatementId statementId,
            String title,
            String body,
            String language,
            String signatoryListIntro,
            String closingNote,
            Instant at,
            SignaturePolicy signaturePolicy) {
        this(
                statementId,
                title,
                body,
                language,
                signatoryListIntro,
                closingNote,
                at,
                signaturePolicy,
                null,
                null,
                null,
                null);
    }

    /** A statement that takes unsigned endorsements too. */
    public PublishStatementCommand(
            StatementId statementId,
            String title,
            String body,
            String language,
            String signatoryListIntro,
            String closingNote,
            Instant at) {
        this(
                statementId,
                title,
                body,
                language,
                signatoryListIntro,
                closingNote,
                at,
                SignaturePolicy.OPTIONAL,
                null,
                null,
                null,
                null);
    }
}
