package org.endorsements.query.audit.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.audit.persistence.AuditQueries;
import org.endorsements.query.projection.consistency.ConsistencyGate;
import org.endorsements.query.shared.web.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for auditors only (the security configuration's rule): it names organizations that withdrew and the keys that acted. */
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
            Map<String, Object> payload) {

        static HistoryEntry of(AuditEntry e) {
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
                    new LinkedHashMap<>(e.payload()));
        }
    }

    @GetMapping("/api/statements/{statementId}/history")
    CompletableFuture<PageResponse<HistoryEntry>> statementHistory(
            @PathVariable String statementId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String minPosition) {
        PageResponse.validate(page, size);
        return consistency.read(minPosition, () -> {
            List<HistoryEntry> items = audit.ofStatement(statementId, page, size).stream()
                    .map(HistoryEntry::of)
                    .toList();
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
            List<HistoryEntry> items = audit.ofOrganization(organizationId, page, size).stream()
                    .map(HistoryEntry::of)
                    .toList();
            return PageResponse.of(items, page, size, audit.countOfOrganization(organizationId));
        });
    }
}
