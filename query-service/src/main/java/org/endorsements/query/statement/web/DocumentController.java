package org.endorsements.query.statement.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.security.Reader;
import org.endorsements.query.shared.web.ConsistencyGate;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.StatementDocument;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The statement as a letter with its signatories, in Markdown or plain text, now or at any past instant. */
@RestController
class DocumentController {

    static final MediaType TEXT_MARKDOWN = new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType TEXT_PLAIN = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    private final StatementQueries statements;
    private final EndorsementQueries endorsements;
    private final ConsistencyGate consistency;
    private final Clock clock;

    DocumentController(StatementQueries statements, EndorsementQueries endorsements, ConsistencyGate consistency,
            Clock clock) {
        this.statements = statements;
        this.endorsements = endorsements;
        this.consistency = consistency;
        this.clock = clock;
    }

    @GetMapping(path = {"/api/statements/{statementId}/document", "/api/statements/{statementId}/document.md"},
            produces = "text/markdown")
    ResponseEntity<String> markdown(@PathVariable String statementId, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String minPosition, @AuthenticationPrincipal Reader reader) {
        return document(statementId, asOf, minPosition, reader, StatementDocument.Format.MARKDOWN, TEXT_MARKDOWN);
    }

    @GetMapping(path = {"/api/statements/{statementId}/document", "/api/statements/{statementId}/document.txt"},
            produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> plain(@PathVariable String statementId, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String minPosition, @AuthenticationPrincipal Reader reader) {
        return document(statementId, asOf, minPosition, reader, StatementDocument.Format.PLAIN, TEXT_PLAIN);
    }

    private ResponseEntity<String> document(String statementId, String asOf, String minPosition, Reader reader,
            StatementDocument.Format format, MediaType type) {
        Instant at = asOf == null ? null : parse(asOf);
        consistency.awaitPosition(minPosition);
        StatementView statement = statements.find(statementId)
                .orElseThrow(() -> ProblemException.notFound("statement"));
        List<String> names;
        int withheld = 0;
        if (at == null) {
            names = endorsements.allCurrentSignatories(statementId).stream()
                    .map(EndorsementView::getOrganizationName).toList();
        } else {
            EndorsementQueries.SignatoriesAt inForce = endorsements.signatoriesAt(statementId, at,
                    reader.isAuditor());
            names = inForce.entries().stream().map(e -> e.payload().getString("organizationName")).toList();
            withheld = inForce.withheld();
        }
        String text = StatementDocument.render(new StatementDocument.Content(statement.getTitle(),
                statement.getBody(), statement.getSignatoryListIntro(), statement.getClosingNote(), names,
                at == null ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : at, withheld), format);
        return ResponseEntity.ok().contentType(type).body(text);
    }

    private static Instant parse(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-as-of", "asOf must be an ISO-8601 instant.");
        }
    }
}
