package org.endorsements.command.statement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.IllformedLocaleException;
import java.util.Locale;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.endorsements.command.shared.Actor;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.TextRules;
import org.endorsements.events.CanonicalText;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;

/**
 * A published text that organizations endorse. It holds no endorsements itself, so its cost never grows with the
 * number of signatures: each organization's endorsement is its own aggregate.
 */
@Aggregate
public class Statement {

    static final int MAX_TITLE_LENGTH = 300;
    static final int MAX_BODY_LENGTH = 50_000;

    @AggregateIdentifier
    private StatementId statementId;
    private boolean closed;
    /** Sequence number of the last event applied; -1 before the first. */
    private long sequence = -1;

    protected Statement() {
        // for Axon, and for the creation policy
    }

    /** Returns the content hash of the published text. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public String handle(PublishStatementCommand command) {
        requireAdmin(command.actor());
        String title = TextRules.singleLine(command.title(), "title", MAX_TITLE_LENGTH, true);
        String body = TextRules.multiLine(command.body(), "body", MAX_BODY_LENGTH);
        String language = language(command.language());
        String listIntro = TextRules.singleLine(command.signatoryListIntro(), "signatoryListIntro",
                MAX_TITLE_LENGTH, false);
        String closingNote = TextRules.singleLine(command.closingNote(), "closingNote", MAX_TITLE_LENGTH, false);
        String contentHash = CanonicalText.contentHash(title, body);
        apply(new StatementPublished(command.statementId(), title, body, language, contentHash, command.at(),
                command.actor().auditName(), listIntro, closingNote));
        return contentHash;
    }

    @CommandHandler
    public long handle(CloseStatementCommand command) {
        requireAdmin(command.actor());
        if (closed) {
            throw DomainRuleViolation.conflict("statement-closed", "statement is already closed");
        }
        apply(new StatementClosed(statementId, command.at(), command.actor().auditName()));
        return sequence;
    }

    @EventSourcingHandler
    void on(StatementPublished event) {
        this.statementId = event.statementId();
        this.sequence++;
    }

    @EventSourcingHandler
    void on(StatementClosed event) {
        this.closed = true;
        this.sequence++;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw DomainRuleViolation.forbidden("admin-only", "only an admin may do this");
        }
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
