package org.endorsements.command.statement.web;

import java.net.URI;
import java.time.Clock;
import org.endorsements.command.registry.StatementRegistry;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.web.CommandDispatcher;
import org.endorsements.command.shared.web.Identifiers;
import org.endorsements.command.shared.web.Positions;
import org.endorsements.command.statement.CloseStatementCommand;
import org.endorsements.command.statement.PublishStatementCommand;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.events.SignaturePolicy;
import org.endorsements.events.StatementId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
            SignaturePolicy signaturePolicy) {}

    record PublishedStatement(String statementId, String contentHash) {}

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
                request.signaturePolicy()));
        return ResponseEntity.created(URI.create("/api/statements/" + id.value()))
                .header(ConsistencyToken.HEADER, position(id, PUBLICATION_SEQUENCE))
                .body(new PublishedStatement(id.value(), contentHash));
    }

    @PostMapping("/{statementId}/close")
    ResponseEntity<ClosedStatement> close(@PathVariable StatementId statementId) {
        // Organizations and statements share one aggregate id space: an id that is no statement is a 404 here,
        // before Axon would load another aggregate type's events into a Statement.
        if (registry.find(statementId).isEmpty()) {
            throw DomainRuleViolation.notFound("not-found", "There is no such organization or statement.");
        }
        long sequence = commands.send(new CloseStatementCommand(statementId, clock.instant()));
        return ResponseEntity.ok()
                .header(ConsistencyToken.HEADER, position(statementId, sequence))
                .body(new ClosedStatement(statementId.value()));
    }

    private String position(StatementId id, long sequence) {
        return positions.of(AggregateType.STATEMENT, id.value(), sequence);
    }
}
