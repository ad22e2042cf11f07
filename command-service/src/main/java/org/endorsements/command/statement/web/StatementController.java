package org.endorsements.command.statement.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.endorsements.command.registry.StatementRegistry;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.web.CommandDispatcher;
import org.endorsements.command.shared.web.Identifiers;
import org.endorsements.command.shared.web.InvalidRequestException;
import org.endorsements.command.shared.web.Positions;
import org.endorsements.command.statement.AddStatementTranslationCommand;
import org.endorsements.command.statement.AmendStatementCommand;
import org.endorsements.command.statement.CloseStatementCommand;
import org.endorsements.command.statement.PublishStatementCommand;
import org.endorsements.command.statement.SetStatementTargetsCommand;
import org.endorsements.command.statement.StatementTextOutcome;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.events.SignaturePolicy;
import org.endorsements.events.StatementId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statements")
class StatementController {

    /** Publication creates the statement, so its event is always the first of its aggregate. */
    private static final long PUBLICATION_SEQUENCE = 0;

    private final CommandDispatcher commands;
    private final Clock clock;
    private final Positions positions;
    private final StatementRegistry registry;

    StatementController(CommandDispatcher commands, Clock clock, StatementRegistry registry, Positions positions) {
        this.positions = positions;
        this.commands = commands;
        this.clock = clock;
        this.registry = registry;
    }

    record PublishStatementRequest(
            String statementId,
            String title,
            String body,
            String language,
            String signatoryListIntro,
            String closingNote,
            SignaturePolicy signaturePolicy,
            String translator,
            String originalLanguage,
            Integer signatureGoal,
            Instant closesAt) {}

    /** Both are replaced: null removes the goal or the closing time. */
    record TargetsRequest(Integer signatureGoal, Instant closesAt) {}

    record Targets(String statementId, Integer signatureGoal, Instant closesAt) {}

    record PublishedStatement(String statementId, String contentHash) {}

    /** {@code original: true} records the original a translated text of record was made from (no translator). */
    record TranslationRequest(String language, String title, String body, String translator, Boolean original) {}

    record AddedText(String statementId, String contentHash, String versionContentHash) {}

    record AmendmentRequest(String title, String body, String language) {}

    record Amendment(String statementId, String contentHash) {}

    record ClosedStatement(String statementId) {}

    @PostMapping
    ResponseEntity<PublishedStatement> publish(@RequestBody PublishStatementRequest request) {
        StatementId id = Identifiers.statementId(request.statementId(), request.title());
        String contentHash = commands.send(new PublishStatementCommand(
                id,
                request.title(),
                request.body(),
                request.language(),
                request.signatoryListIntro(),
                request.closingNote(),
                clock.instant(),
                request.signaturePolicy(),
                request.translator(),
                request.originalLanguage(),
                request.signatureGoal(),
                request.closesAt()));
        return ResponseEntity.created(URI.create("/api/statements/" + id.value()))
                .header(ConsistencyToken.HEADER, position(id, PUBLICATION_SEQUENCE))
                .body(new PublishedStatement(id.value(), contentHash));
    }

    /** Another text of the version in force: 201 with its own content hash and the version's. */
    @PostMapping("/{statementId}/translations")
    ResponseEntity<AddedText> addTranslation(
            @PathVariable StatementId statementId, @RequestBody TranslationRequest request) {
        String versionHash = requireExists(statementId).contentHash();
        StatementTextOutcome outcome = commands.send(new AddStatementTranslationCommand(
                statementId,
                request.language(),
                request.title(),
                request.body(),
                request.translator(),
                Boolean.TRUE.equals(request.original()),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/statements/" + statementId.value()))
                .header(ConsistencyToken.HEADER, position(statementId, outcome.sequence()))
                .body(new AddedText(statementId.value(), outcome.contentHash(), versionHash));
    }

    /** A new version of the text: 201 with its content hash; endorsements of earlier versions stay as they are. */
    @PostMapping("/{statementId}/amendments")
    ResponseEntity<Amendment> amend(@PathVariable StatementId statementId, @RequestBody AmendmentRequest request) {
        requireExists(statementId);
        StatementTextOutcome outcome = commands.send(new AmendStatementCommand(
                statementId, request.title(), request.body(), request.language(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/statements/" + statementId.value()))
                .header(ConsistencyToken.HEADER, position(statementId, outcome.sequence()))
                .body(new Amendment(statementId.value(), outcome.contentHash()));
    }

    /**
     * Organizations and statements share one aggregate id space: an id that is no statement is a 404 here, before
     * Axon would load another aggregate type's events into a Statement.
     */
    private StatementRegistry.Entry requireExists(StatementId statementId) {
        return registry.find(statementId)
                .orElseThrow(
                        () -> DomainRuleViolation.notFound("not-found", "There is no such organization or statement."));
    }

    @PostMapping("/{statementId}/close")
    ResponseEntity<ClosedStatement> close(@PathVariable StatementId statementId) {
        requireExists(statementId);
        long sequence = commands.send(new CloseStatementCommand(statementId, clock.instant()));
        return ResponseEntity.ok()
                .header(ConsistencyToken.HEADER, position(statementId, sequence))
                .body(new ClosedStatement(statementId.value()));
    }

    /** An admin sets or changes the goal and the closing time of an open statement. */
    @PutMapping("/{statementId}/targets")
    ResponseEntity<Targets> setTargets(
            @PathVariable StatementId statementId, @RequestBody(required = false) TargetsRequest request) {
        if (request == null) {
            throw new InvalidRequestException("invalid-targets", "A body with signatureGoal and closesAt is required.");
        }
        requireExists(statementId);
        long sequence = commands.sendRetryingConflicts(new SetStatementTargetsCommand(
                statementId, request.signatureGoal(), request.closesAt(), clock.instant()));
        return ResponseEntity.ok()
                .header(ConsistencyToken.HEADER, position(statementId, sequence))
                .body(new Targets(statementId.value(), request.signatureGoal(), request.closesAt()));
    }

    private String position(StatementId id, long sequence) {
        return positions.of(AggregateType.STATEMENT, id.value(), sequence);
    }
}
