package org.endorsements.query.audit.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.bson.Document;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Caller;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.audit.persistence.AuditQueries;
import org.endorsements.query.projection.consistency.ConsistencyGate;
import org.endorsements.query.shared.web.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail, for auditors only (the security configuration's rule): it names organizations that withdrew and
 * the keys that acted. Each endorsement and withdrawal says what vouches for it ({@code assurance}, as recorded, or
 * as events before levels read), and each entry made with an API key names that key's issue ({@code credential}:
 * who issued it, when, at what level, its digest), so that an endorsement made with a key an admin issued reads
 * so in the history itself.
 */
@RestController
class HistoryController {

    private final AuditQueries audit;
    private final ConsistencyGate consistency;

    HistoryController(AuditQueries audit, ConsistencyGate consistency) {
        this.audit = audit;
        this.consistency = consistency;
    }

    record HistoryEntry(
            String eventId,
            String type,
            String statementId,
            String organizationId,
            String actor,
            Instant occurredAt,
            Instant projectedAt,
            String aggregateType,
            String aggregateId,
            long sequence,
            int partition,
            long offset,
            String assurance,
            CredentialIssue credential,
            Map<String, Object> payload) {

        static HistoryEntry of(AuditEntry e, Map<String, AuditEntry> issues) {
            return new HistoryEntry(
                    e.id(),
                    e.type(),
                    e.statementId(),
                    e.organizationId(),
                    e.actor(),
                    e.occurredAt(),
                    e.projectedAt(),
                    e.aggregateType(),
                    e.aggregateId(),
                    e.sequence(),
                    e.partition(),
                    e.offset(),
                    assuranceOf(e),
                    credentialId(e.actor())
                            .map(issues::get)
                            .map(CredentialIssue::of)
                            .orElse(null),
                    new LinkedHashMap<>(e.payload()));
        }
    }

    /** The {@code ApiCredentialIssued} of the key an entry was made with. */
    record CredentialIssue(String credentialId, Instant issuedAt, String issuedBy, String assurance, String keyDigest) {

        static CredentialIssue of(AuditEntry issue) {
            Document p = issue.payload();
            return new CredentialIssue(
                    p.getString("credentialId"),
                    issue.occurredAt(),
                    p.getString("issuedBy"),
                    p.getString("assurance"),
                    p.getString("keyDigest"));
        }
    }

    private static final String ADDED = EventMessageFormat.typeOf(EndorsementAdded.class);
    private static final String WITHDRAWN = EventMessageFormat.typeOf(EndorsementWithdrawn.class);

    private static final String RECONFIRMED = EventMessageFormat.typeOf(EndorsementReconfirmed.class);
    private static final String REINSTATED = EventMessageFormat.typeOf(EndorsementReinstated.class);

    /**
     * The level the event recorded. A re-confirmation carries the level of its own act and a reinstatement (revision
     * 2) the one the admin's act gives the endorsement from then on, so the history shows the level in force after
     * each; a revision 1 reinstatement recorded none (the endorsement kept its level) and shows none.
     */
    private static String assuranceOf(AuditEntry e) {
        if (e.payload() == null) {
            return null;
        }
        if (RECONFIRMED.equals(e.type()) || REINSTATED.equals(e.type())) {
            return e.payload().getString("assurance");
        }
        if (!(ADDED.equals(e.type()) || WITHDRAWN.equals(e.type()))) {
            return null;
        }
        String recorded = e.payload().getString("assurance");
        if (recorded != null) {
            return recorded;
        }
        // A withdrawal before levels existed has no source: the admin's was an import, an organization's its key.
        String source = e.payload().getString("source");
        if (source == null && Caller.ADMIN_ACTOR.equals(e.actor())) {
            source = EndorsementSource.IMPORTED.wireName();
        }
        return AssuranceLevel.recorded(null, source).wireName();
    }

    private static Optional<String> credentialId(String actor) {
        return actor != null && actor.startsWith(Caller.CREDENTIAL_ACTOR_PREFIX)
                ? Optional.of(actor.substring(Caller.CREDENTIAL_ACTOR_PREFIX.length()))
                : Optional.empty();
    }

    private List<HistoryEntry> entries(List<AuditEntry> page) {
        Map<String, AuditEntry> issues = audit.issuesOfCredentials(page.stream()
                .map(AuditEntry::actor)
                .map(HistoryController::credentialId)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet()));
        return page.stream().map(e -> HistoryEntry.of(e, issues)).toList();
    }

    @GetMapping("/api/statements/{statementId}/history")
    CompletableFuture<PageResponse<HistoryEntry>> statementHistory(
            @PathVariable String statementId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String minPosition) {
        PageResponse.validate(page, size);
        return consistency.read(minPosition, () -> {
            List<HistoryEntry> items = entries(audit.ofStatement(statementId, page, size));
            return PageResponse.of(items, page, size, audit.countOfStatement(statementId));
        });
    }

    @GetMapping("/api/organizations/{organizationId}/history")
    CompletableFuture<PageResponse<HistoryEntry>> organizationHistory(
            @PathVariable String organizationId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String minPosition) {
        PageResponse.validate(page, size);
        return consistency.read(minPosition, () -> {
            List<HistoryEntry> items = entries(audit.ofOrganization(organizationId, page, size));
            return PageResponse.of(items, page, size, audit.countOfOrganization(organizationId));
        });
    }
}
