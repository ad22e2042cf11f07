package org.endorsements.command.statement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.util.IllformedLocaleException;
import java.util.Locale;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.TextRules;
import org.endorsements.events.Caller;
import org.endorsements.events.CanonicalText;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;

/**
 * A published text that organizations endorse. It holds no endorsements itself, so its cost never grows with the
 * number of signatures: each organization's endorsement is its own aggregate.
 */
@Aggregate(type = Statement.TYPE)
public class Statement {

    /** The type the event store records; pinned, so that renaming this class changes no stored or relayed name. */
    public static final String TYPE = "Statement";

    static final int MAX_TITLE_LENGTH = 300;
    static final int MAX_BODY_LENGTH = 50_000;

    @AggregateIdentifier
    private StatementId statementId;

    private boolean closed;

    protected Statement() {
        // for Axon, and for the creation policy
    }

    /** Returns the content hash of the published text. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public String handle(
            PublishStatementCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        String title = TextRules.singleLine(command.title(), "title", MAX_TITLE_LENGTH, true);
        String body = TextRules.multiLine(command.body(), "body", MAX_BODY_LENGTH);
        String language = language(command.language());
        String listIntro =
                TextRules.singleLine(command.signatoryListIntro(), "signatoryListIntro", MAX_TITLE_LENGTH, false);
        String closingNote = TextRules.singleLine(command.closingNote(), "closingNote", MAX_TITLE_LENGTH, false);
        String contentHash = CanonicalText.contentHash(title, body);
        apply(new StatementPublished(
                command.statementId(),
                title,
                body,
                language,
                contentHash,
                command.at(),
                caller.auditName(),
                listIntro,
                closingNote,
                command.signaturePolicy()));
        return contentHash;
    }

    @CommandHandler
    public long handle(
            CloseStatementCommand command, @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        if (closed) {
            throw DomainRuleViolation.conflict("statement-closed", "statement is already closed");
        }
        apply(new StatementClosed(statementId, command.at(), caller.auditName()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(StatementPublished event) {
        this.statementId = event.statementId();
    }

    @EventSourcingHandler
    void on(StatementClosed event) {
        this.closed = true;
    }

    private static String language(String value) {
        if (value == null || value.isBlank()) {
            throw DomainRuleViolation.invalid("invalid-language", "language is required (BCP 47)");
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value.strip()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language subtag");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw DomainRuleViolation.invalid("invalid-language", "language must be a BCP 47 tag");
        }
    }
}
