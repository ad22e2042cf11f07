package org.endorsements.query.endorsement.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.bson.Document;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.security.Reader;
import org.endorsements.query.shared.web.ConsistencyGate;
import org.endorsements.query.shared.web.PageResponse;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statements/{statementId}/endorsements")
class EndorsementController {

    private static final int MAX_SEARCH_LENGTH = 100;

    private final EndorsementQueries endorsements;
    private final StatementQueries statements;
    private final ConsistencyGate consistency;

    EndorsementController(EndorsementQueries endorsements, StatementQueries statements,
            ConsistencyGate consistency) {
        this.endorsements = endorsements;
        this.statements = statements;
        this.consistency = consistency;
    }

    /** A public signatory: what the letter shows, plus the opening that lets anyone check it against the log. */
    record Signatory(String organizationId, String name, Instant endorsedAt, String source, Integer entryNumber,
            String contentHash, String signerOpening) {

        static Signatory of(EndorsementView v) {
            return new Signatory(v.getOrganizationId(), v.getOrganizationName(), v.getEndorsedAt(), v.getSource(),
                    v.getEntryNumber(), v.getContentHash(), v.getSignerOpening());
        }

        static Signatory of(AuditEntry e) {
            Document p = e.payload();
            Object entry = p.get("entryNumber");
            return new Signatory(e.organizationId(), p.getString("organizationName"), e.occurredAt(),
                    p.getString("source"), entry == null ? null : ((Number) entry).intValue(),
                    p.getString("contentHash"), p.getString("signerOpening"));
        }
    }

    /**
     * {@code withheld}: signatories in force at {@code asOf} that have withdrawn since; only auditors see them
     * listed, the public sees how many there were.
     */
    record SignatoryPage(List<Signatory> items, int page, int size, long totalItems, long totalPages,
            Instant asOf, Integer withheld) {
    }

    @GetMapping
    SignatoryPage list(@PathVariable String statementId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String minPosition,
            @AuthenticationPrincipal Reader reader) {
        PageResponse.validate(page, size);
        Instant at = asOf == null ? null : parseInstant(asOf);
        consistency.awaitPosition(minPosition);
        if (statements.find(statementId).isEmpty()) {
            throw ProblemException.notFound("statement");
        }
        if (at == null) {
            if (q != null && q.length() > MAX_SEARCH_LENGTH) {
                throw ProblemException.badRequest("invalid-search", "q is limited to " + MAX_SEARCH_LENGTH
                        + " characters.");
            }
            List<Signatory> items = endorsements.currentSignatories(statementId, q, page, size).stream()
                    .map(Signatory::of).toList();
            long total = endorsements.countCurrent(statementId, q);
            return new SignatoryPage(items, page, size, total, pages(total, size), null, null);
        }
        EndorsementQueries.SignatoriesAt inForce = endorsements.signatoriesAt(statementId, at, reader.isAuditor());
        List<Signatory> all = inForce.entries().stream().map(Signatory::of).toList();
        int withheld = inForce.withheld();
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new SignatoryPage(all.subList(from, to), page, size, all.size(), pages(all.size(), size), at,
                withheld);
    }

    private static long pages(long total, int size) {
        return (total + size - 1) / size;
    }

    static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-as-of", "asOf must be an ISO-8601 instant, e.g. "
                    + "2026-11-28T12:00:00Z.");
        }
    }
}
