package org.endorsements.command.statement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Instant;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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
import org.endorsements.events.StatementAmended;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementGoalReached;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.events.StatementTargetsSet;
import org.endorsements.events.StatementTranslationAdded;

/**
 * A published text that organizations endorse. It holds no endorsements itself, so its cost never grows with the
 * number of signatures: each organization's endorsement is its own aggregate.
 *
 * <p>Its text comes in versions: the published one is version 1, each amendment the next. A version has a text of
 * record (whose hash is the version's, the one every endorsement of it names) and any number of other texts linked
 * to it: translations, and, when the text of record is itself a translation, its original.
 */
@Aggregate(type = Statement.TYPE)
public class Statement {

    /** The type the event store records; pinned, so that renaming this class changes no stored or relayed name. */
    public static final String TYPE = "Statement";

    static final int MAX_TITLE_LENGTH = 300;
    static final int MAX_BODY_LENGTH = 50_000;
    /** Far above any coalition's reach; a larger number is a typing error, not a goal. */
    static final int MAX_SIGNATURE_GOAL = 10_000_000;

    @AggregateIdentifier
    private StatementId statementId;

    private boolean closed;
    private int version;
    private String contentHash;
    private String language;
    private boolean textOfRecordIsTranslation;
    private boolean originalAdded;
    /** The languages of the version in force, its text of record's included: one text per language. */
    private final Set<String> languages = new HashSet<>();
    /** Every hash any version ever had: a text is never a second text or a later version of anything. */
    private final Set<String> knownHashes = new HashSet<>();

    private Integer signatureGoal;
    private Instant closesAt;
    private boolean goalReached;

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
        String language = language(command.language(), "language");
        String listIntro =
                TextRules.singleLine(command.signatoryListIntro(), "signatoryListIntro", MAX_TITLE_LENGTH, false);
        String closingNote = TextRules.singleLine(command.closingNote(), "closingNote", MAX_TITLE_LENGTH, false);
        String translator = TextRules.singleLine(command.translator(), "translator", MAX_TITLE_LENGTH, false);
        String originalLanguage =
                command.originalLanguage() == null ? null : language(command.originalLanguage(), "originalLanguage");
        if ((translator == null) != (originalLanguage == null)) {
            throw DomainRuleViolation.invalid(
                    "invalid-translation", "a translated text names both its translator and its original's language");
        }
        String contentHash = CanonicalText.contentHash(title, body);
        requireTargets(command.signatureGoal(), command.closesAt(), command.at());
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
                command.signaturePolicy(),
                translator,
                originalLanguage));

        if (command.signatureGoal() != null || command.closesAt() != null) {
            apply(new StatementTargetsSet(
                    command.statementId(),
                    command.signatureGoal(),
                    command.closesAt(),
                    command.at(),
                    caller.auditName()));
        }
        return contentHash;
    }

    /**
     * Adds a text to the version in force. A translation names its translator; the original (only for a version
     * whose text of record is a translation, and once) names none. One text per language, and never a text the
     * statement already has. Allowed on a closed statement too: a reader still needs it.
     */
    @CommandHandler
    public StatementTextOutcome handle(
            AddStatementTranslationCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        String title = TextRules.singleLine(command.title(), "title", MAX_TITLE_LENGTH, true);
        String body = TextRules.multiLine(command.body(), "body", MAX_BODY_LENGTH);
        String textLanguage = language(command.language(), "language");
        String translator =
                TextRules.singleLine(command.translator(), "translator", MAX_TITLE_LENGTH, !command.original());
        if (command.original()) {
            if (translator != null) {
                throw DomainRuleViolation.invalid("invalid-translation", "the original has no translator");
            }
            if (!textOfRecordIsTranslation) {
                throw DomainRuleViolation.conflict(
                        "original-is-text-of-record", "this version's text of record is its original");
            }
            if (originalAdded) {
                throw DomainRuleViolation.conflict("original-exists", "this version's original is already recorded");
            }
        }
        if (languages.contains(textLanguage)) {
            throw DomainRuleViolation.conflict("language-exists", "this version already has a text in this language")
                    .with("language", textLanguage);
        }
        String textHash = CanonicalText.contentHash(title, body);
        if (knownHashes.contains(textHash)) {
            throw DomainRuleViolation.conflict("text-exists", "this statement already has exactly this text");
        }
        apply(new StatementTranslationAdded(
                statementId,
                contentHash,
                textLanguage,
                title,
                body,
                translator,
                command.original(),
                textHash,
                command.at(),
                caller.auditName()));
        return new StatementTextOutcome(textHash, getVersion());
    }

    /**
     * Publishes the next version. Refused on a closed statement (nobody could endorse it), and for a text the
     * statement has had before: endorsements are counted by hash, so a version must not share one with another.
     */
    @CommandHandler
    public StatementTextOutcome handle(
            AmendStatementCommand command, @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        if (closed) {
            throw DomainRuleViolation.conflict("statement-closed", "a closed statement takes no amendment");
        }
        String title = TextRules.singleLine(command.title(), "title", MAX_TITLE_LENGTH, true);
        String body = TextRules.multiLine(command.body(), "body", MAX_BODY_LENGTH);
        String newLanguage = command.language() == null ? language : language(command.language(), "language");
        String newHash = CanonicalText.contentHash(title, body);
        if (knownHashes.contains(newHash)) {
            throw DomainRuleViolation.conflict("text-exists", "this statement already has had exactly this text");
        }
        apply(new StatementAmended(
                statementId,
                version + 1,
                title,
                body,
                newLanguage,
                newHash,
                contentHash,
                command.at(),
                caller.auditName()));
        return new StatementTextOutcome(newHash, getVersion());
    }

    /** Replaces goal and closing time; asking for the ones in force changes nothing. Returns the last sequence. */
    @CommandHandler
    public long handle(
            SetStatementTargetsCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        if (closed) {
            throw DomainRuleViolation.conflict("statement-closed", "statement is closed");
        }
        requireTargets(command.signatureGoal(), command.closesAt(), command.at());
        if (!Objects.equals(signatureGoal, command.signatureGoal()) || !Objects.equals(closesAt, command.closesAt())) {
            apply(new StatementTargetsSet(
                    statementId, command.signatureGoal(), command.closesAt(), command.at(), caller.auditName()));
        }
        return getVersion();
    }

    /**
     * Records the goal as reached once: any number of instances may count and send this, only the first count at
     * or above the goal in force leads to an event.
     */
    @CommandHandler
    public boolean handle(RecordGoalReachedCommand command) {
        if (signatureGoal == null || goalReached || command.count() < signatureGoal) {
            return false;
        }
        apply(new StatementGoalReached(statementId, signatureGoal, command.count(), command.at()));
        return true;
    }

    /**
     * Closes the statement once its closing time has passed; a statement already closed (by an admin, or by
     * another instance that saw the deadline first) stays as it is, so every instance may send this.
     */
    @CommandHandler
    public boolean handle(CloseStatementAtDeadlineCommand command) {
        if (closed) {
            return false;
        }
        if (closesAt == null || command.at().isBefore(closesAt)) {
            throw DomainRuleViolation.conflict("deadline-not-reached", "the statement's closing time has not passed");
        }
        apply(new StatementClosed(statementId, command.at(), StatementClosed.DEADLINE_ACTOR));
        return true;
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
        this.version = 1;
        this.contentHash = event.contentHash();
        this.language = event.language();
        this.textOfRecordIsTranslation = event.translator() != null;
        languages.add(event.language());
        knownHashes.add(event.contentHash());
    }

    @EventSourcingHandler
    void on(StatementTranslationAdded event) {
        languages.add(event.language());
        knownHashes.add(event.contentHash());
        if (event.original()) {
            originalAdded = true;
        }
    }

    @EventSourcingHandler
    void on(StatementAmended event) {
        this.version = event.version();
        this.contentHash = event.contentHash();
        this.language = event.language();
        // An amendment is the coalition's own text: its original, with translations of its own to come.
        this.textOfRecordIsTranslation = false;
        this.originalAdded = false;
        languages.clear();
        languages.add(event.language());
        knownHashes.add(event.contentHash());
    }

    @EventSourcingHandler
    void on(StatementClosed event) {
        this.closed = true;
    }

    @EventSourcingHandler
    void on(StatementTargetsSet event) {
        if (!Objects.equals(signatureGoal, event.signatureGoal())) {
            // A new goal is a new milestone: reaching it is recorded again.
            goalReached = false;
        }
        this.signatureGoal = event.signatureGoal();
        this.closesAt = event.closesAt();
    }

    @EventSourcingHandler
    void on(StatementGoalReached event) {
        this.goalReached = true;
    }

    private static void requireTargets(Integer goal, Instant closesAt, Instant now) {
        if (goal != null && (goal < 1 || goal > MAX_SIGNATURE_GOAL)) {
            throw DomainRuleViolation.invalid(
                    "invalid-signature-goal", "signatureGoal must be between 1 and " + MAX_SIGNATURE_GOAL);
        }
        if (closesAt != null && !closesAt.isAfter(now)) {
            throw DomainRuleViolation.invalid("invalid-closing-time", "closesAt must be in the future");
        }
    }

    private static String language(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainRuleViolation.invalid("invalid-language", field + " is required (BCP 47)");
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value.strip()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language subtag");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw DomainRuleViolation.invalid("invalid-language", field + " must be a BCP 47 tag");
        }
    }
}
