package org.endorsements.query.log.web;

import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.endorsements.events.ApiCredentialIssued;
import org.endorsements.events.ApiCredentialRevoked;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementVisibilityChanged;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.InvalidatedEndorsementWithdrawn;
import org.endorsements.events.SigningKeyPinned;
import org.endorsements.events.SigningKeyRegistered;
import org.endorsements.events.SigningKeyRevoked;
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
 * A self-contained receipt for the latest event of an organization's endorsement of a statement (its endorsement,
 * withdrawal, or an admin's invalidation or reinstatement of it): the leaf, its index, the opening behind its signer
 * commitment, an inclusion proof and the signed checkpoint it was proved against (with every witness cosignature
 * received); {@code history} holds the same for every such event, in order, all proved against that one
 * checkpoint. It verifies offline with the published key. Only the organization itself (its own key) or an auditor
 * may fetch it (the security configuration's rule): the opening of an organization that withdrew or was
 * invalidated must not become public. Moderation events are the platform's, unsigned: they have no {@code assurance}
 * and no {@code signature}.
 *
 * <p>Each event also carries its {@code assurance} and, when the organization signed it, its {@code signature}
 * (whose digest a version 2 leaf commits to); {@code signingKeys} is the organization's key history
 * ({@code SigningKeyRegistered} and {@code SigningKeyRevoked}, as on the topic), so every signature verifies offline
 * against the keys the organization held when it was recorded. {@code keyHistory} is all of the organization's key,
 * pin and credential events in its order: a version 3 leaf commits to the chain over its first
 * {@code keyHistoryLength} ({@code KeyHistoryCommitment}), so the verifiers judge each event by exactly those.
 */
@RestController
class ReceiptController {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    /** An endorsement's events that are no leaves of the log. */
    /**
     * An endorsement's events that are no leaves of the log ({@code LogProjector} does not log them): picking one as
     * the latest would leave the receipt waiting for a checkpoint that never holds it.
     */
    private static final java.util.Set<String> NOT_LEAVES = java.util.Set.of(
            EventMessageFormat.typeOf(EndorsementVisibilityChanged.class),
            EventMessageFormat.typeOf(InvalidatedEndorsementWithdrawn.class));

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
            List<Entry> history,
            String assurance,
            Object signature,
            String actor,
            List<KeyEvent> signingKeys,
            List<KeyEvent> credentials,
            List<KeyEvent> keyHistory) {}

    record Entry(
            String eventType,
            long leafIndex,
            String leaf,
            List<String> inclusionProof,
            String assurance,
            Object signature,
            String actor) {}

    /** One event of the organization's key history: its type ({@code ce_type}) and its payload. */
    record KeyEvent(String eventType, Object payload) {}

    // The pin is among them: it names the fingerprint and source a verifier's anchors check the first key against.
    private static final java.util.Set<String> KEY_EVENTS = java.util.Set.of(
            EventMessageFormat.typeOf(SigningKeyRegistered.class),
            EventMessageFormat.typeOf(SigningKeyRevoked.class),
            EventMessageFormat.typeOf(org.endorsements.events.SigningKeyPinned.class));
    private static final java.util.Set<String> CREDENTIAL_EVENTS = java.util.Set.of(
            EventMessageFormat.typeOf(ApiCredentialIssued.class),
            EventMessageFormat.typeOf(ApiCredentialRevoked.class));
    /** The entries of an organization's key-history commitment ({@code KeyHistoryCommitment.isEntry}). */
    private static final java.util.Set<String> KEY_HISTORY_EVENTS = java.util.Set.of(
            EventMessageFormat.typeOf(SigningKeyRegistered.class),
            EventMessageFormat.typeOf(SigningKeyRevoked.class),
            EventMessageFormat.typeOf(SigningKeyPinned.class),
            EventMessageFormat.typeOf(ApiCredentialIssued.class),
            EventMessageFormat.typeOf(ApiCredentialRevoked.class));

    @GetMapping("/api/statements/{statementId}/receipts/{organizationId}")
    Receipt receipt(@PathVariable String statementId, @PathVariable String organizationId) {
        String endorsementId = endorsementId(statementId, organizationId);
        // The latest leaf of the endorsement (endorsement, re-confirmation, withdrawal, moderation): a visibility
        // change is no leaf of the log.
        List<AuditEntry> events = audit.allOfAggregate(endorsementId);
        AuditEntry latest = events.stream()
                .filter(event -> !NOT_LEAVES.contains(event.type()))
                .reduce((first, second) -> second)
                .orElseThrow(ReceiptController::noEndorsement);
        long index = logs.eventIndex(statementId, latest.id()).orElseThrow(() -> notYet());
        Document checkpoint = logs.checkpoint(statementId).orElseThrow(ReceiptController::notYet);
        long treeSize = ((Number) checkpoint.get("size")).longValue();
        if (treeSize <= index) {
            throw notYet();
        }
        MerkleProofs proofs = new MerkleProofs(logs.nodes(statementId));
        List<Entry> history = new java.util.ArrayList<>();
        for (AuditEntry event : events) {
            logs.eventIndex(statementId, event.id())
                    .filter(i -> i < treeSize)
                    .ifPresent(i -> history.add(entry(event, i, treeSize, proofs, statementId)));
        }
        Entry last = entry(latest, index, treeSize, proofs, statementId);
        List<AuditEntry> organizationEvents = audit.allOfAggregate(organizationId);
        List<KeyEvent> signingKeys = organizationEvents.stream()
                .filter(event -> KEY_EVENTS.contains(event.type()))
                .map(event -> new KeyEvent(event.type(), event.payload()))
                .toList();
        // Who issued each API key (digests only) lets a verifier bound what an unsigned event, or the first signing
        // key registered with that API key, can prove; the receipt is the organization's own, so it reveals nothing
        // the organization does not know.
        List<KeyEvent> credentials = organizationEvents.stream()
                .filter(event -> CREDENTIAL_EVENTS.contains(event.type()))
                .map(event -> new KeyEvent(event.type(), event.payload()))
                .toList();
        // Every key, pin and credential event in the organization's order: the entries a version 3 leaf's
        // key-history commitment is the chain over, so a verifier recomputes it over the first keyHistoryLength.
        List<KeyEvent> keyHistory = organizationEvents.stream()
                .filter(event -> KEY_HISTORY_EVENTS.contains(event.type()))
                .map(event -> new KeyEvent(event.type(), event.payload()))
                .toList();
        // The organization's events are on another partition than the statement's: until the audit trail holds every
        // key-history entry a leaf commits to, the receipt would not verify, so it is not ready yet.
        if (keyHistory.size() < committedKeyHistoryLength(history)) {
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "not-yet-checkpointed",
                    "The organization's key history is not all in the audit trail yet; retry in a few seconds.",
                    2L);
        }
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
                history,
                last.assurance(),
                last.signature(),
                last.actor(),
                signingKeys,
                credentials,
                keyHistory);
    }

    private Entry entry(AuditEntry event, long index, long treeSize, MerkleProofs proofs, String statementId) {
        byte[] leaf = logs.leaves(statementId, index, index + 1).get(0);
        Document payload = event.payload();
        return new Entry(
                event.type(),
                index,
                BASE64.encodeToString(leaf),
                proofs.inclusion(index, treeSize).stream()
                        .map(BASE64::encodeToString)
                        .toList(),
                assuranceOf(event),
                payload == null ? null : payload.get("signature"),
                payload == null ? null : payload.getString("actor"));
    }

    /** The longest key history a (version 3) leaf of the receipt commits to; 0 when none commits to one. */
    private static int committedKeyHistoryLength(List<Entry> entries) {
        int longest = 0;
        for (Entry entry : entries) {
            try {
                com.fasterxml.jackson.databind.JsonNode leaf =
                        LEAF_READER.readTree(Base64.getDecoder().decode(entry.leaf()));
                longest = Math.max(longest, leaf.path("keyHistoryLength").asInt(0));
            } catch (java.io.IOException e) {
                // A leaf the log projector wrote is JSON; one that is not commits to nothing a receipt could hold.
            }
        }
        return longest;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper LEAF_READER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * The level the event recorded: an endorsement's, withdrawal's or re-confirmation's (as events recorded before
     * assurance levels read, see events/TOPIC.md), or the one a reinstatement gave the endorsement.
     */
    private static String assuranceOf(AuditEntry event) {
        if (event.payload() == null) {
            return null;
        }
        EndorsementEvent decoded;
        try {
            decoded = EventMessageFormat.decode(
                    event.type(), event.payload().toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (EventMessageFormat.UnreadableEventException e) {
            return null;
        }
        if (decoded instanceof EndorsementAdded a) {
            return a.assurance().wireName();
        }
        if (decoded instanceof EndorsementWithdrawn w) {
            return w.assurance().wireName();
        }
        if (decoded instanceof EndorsementReconfirmed c && c.assurance() != null) {
            return c.assurance().wireName();
        }
        // From a reinstatement on, the endorsement reads the level the admin's act gives it (revision 2 records it;
        // revision 1 recorded none, and the endorsement kept its earlier level, which its earlier leaf shows).
        if (decoded instanceof EndorsementReinstated r && r.assurance() != null) {
            return r.assurance().wireName();
        }
        return null;
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
