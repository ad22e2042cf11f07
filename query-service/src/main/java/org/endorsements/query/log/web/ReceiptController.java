package org.endorsements.query.log.web;

import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.endorsements.events.EndorsementId;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.audit.AuditTrail;
import org.endorsements.query.log.persistence.MongoLogStore;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.transparency.MerkleProofs;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A self-contained receipt for an organization's latest endorsement or withdrawal of a statement: the leaf, its
 * index, the opening behind its signer commitment, an inclusion proof and the signed checkpoint it was proved
 * against (with every witness cosignature received); {@code history} holds the same for every endorsement and
 * withdrawal the organization made on the statement, in order, all proved against that one checkpoint. It
 * verifies offline with the published key. Only the organization itself (its own key) or an auditor may fetch it
 * (the security configuration's rule): the opening of an organization that withdrew must not become public.
 */
@RestController
class ReceiptController {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final AuditTrail audit;
    private final MongoLogStore logs;

    ReceiptController(AuditTrail audit, MongoLogStore logs) {
        this.audit = audit;
        this.logs = logs;
    }

    record Receipt(
            String statementId,
            String organizationId,
            String opening,
            String eventType,
            long leafIndex,
            String leaf,
            long treeSize,
            List<String> inclusionProof,
            String checkpoint,
            List<Entry> history) {}

    record Entry(String eventType, long leafIndex, String leaf, List<String> inclusionProof) {}

    @GetMapping("/api/statements/{statementId}/receipts/{organizationId}")
    Receipt receipt(@PathVariable String statementId, @PathVariable String organizationId) {
        String endorsementId = endorsementId(statementId, organizationId);
        AuditEntry latest = audit.latestOfAggregate(endorsementId).orElseThrow(ReceiptController::noEndorsement);
        long index = logs.eventIndex(statementId, latest.id()).orElseThrow(() -> notYet());
        Document checkpoint = logs.checkpoint(statementId).orElseThrow(ReceiptController::notYet);
        long treeSize = ((Number) checkpoint.get("size")).longValue();
        if (treeSize <= index) {
            throw notYet();
        }
        MerkleProofs proofs = new MerkleProofs(logs.nodes(statementId));
        List<Entry> history = new java.util.ArrayList<>();
        for (AuditEntry event : audit.allOfAggregate(endorsementId)) {
            logs.eventIndex(statementId, event.id())
                    .filter(i -> i < treeSize)
                    .ifPresent(i -> history.add(entry(event.type(), i, treeSize, proofs, statementId)));
        }
        Entry last = entry(latest.type(), index, treeSize, proofs, statementId);
        String opening = logs.opening(statementId, organizationId).orElseThrow(ReceiptController::notYet);
        return new Receipt(
                statementId,
                organizationId,
                opening,
                latest.type(),
                index,
                last.leaf(),
                treeSize,
                last.inclusionProof(),
                checkpoint.getString("note"),
                history);
    }

    private Entry entry(String type, long index, long treeSize, MerkleProofs proofs, String statementId) {
        byte[] leaf = logs.leaves(statementId, index, index + 1).get(0);
        return new Entry(
                type,
                index,
                BASE64.encodeToString(leaf),
                proofs.inclusion(index, treeSize).stream()
                        .map(BASE64::encodeToString)
                        .toList());
    }

    /** Ids that are not slugs name no endorsement. */
    private static String endorsementId(String statementId, String organizationId) {
        try {
            return EndorsementId.of(statementId, organizationId).value();
        } catch (IllegalArgumentException e) {
            throw noEndorsement();
        }
    }

    private static ProblemException noEndorsement() {
        return ProblemException.notFound("endorsement of this statement by this organization");
    }

    private static ProblemException notYet() {
        return new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "not-yet-checkpointed",
                "The latest event is not in a signed checkpoint yet; retry in a few seconds.",
                2L);
    }
}
