package org.endorsements.query.log.web;

import java.util.Base64;
import java.util.List;
import org.endorsements.query.log.LogState;
import org.endorsements.query.log.checkpoint.Checkpointer;
import org.endorsements.query.log.checkpoint.LogSigningKey;
import org.endorsements.query.log.persistence.MongoLogStore;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.transparency.MerkleProofs;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public, verifiable signature history of each statement: checkpoints, leaves and proofs. */
@RestController
class LogController {

    static final int MAX_LEAVES = 1000;
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final MongoLogStore logs;
    private final Checkpointer checkpoints;
    private final LogSigningKey key;

    LogController(MongoLogStore logs, Checkpointer checkpoints, LogSigningKey key) {
        this.logs = logs;
        this.checkpoints = checkpoints;
        this.key = key;
    }

    record Leaves(long start, long end, List<String> leaves) {}

    record InclusionProof(long leafIndex, long treeSize, List<String> proof) {}

    record ConsistencyProof(long from, long to, List<String> proof) {}

    @GetMapping(path = "/.well-known/endorsements-log-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String verifierKey() {
        return key.verifierKey() + "\n";
    }

    /** The key history during a rotation: the current key first, then those still signing until retired. */
    @GetMapping(path = "/.well-known/endorsements-log-keys", produces = MediaType.TEXT_PLAIN_VALUE)
    String verifierKeys() {
        return String.join("\n", key.verifierKeys()) + "\n";
    }

    @GetMapping(path = "/api/statements/{statementId}/log/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> checkpoint(@PathVariable String statementId) {
        return checkpoints
                .note(statementId)
                .map(ResponseEntity::ok)
                .orElseThrow(() -> ProblemException.notFound("checkpoint for this statement (yet)"));
    }

    @GetMapping("/api/statements/{statementId}/log/leaves")
    Leaves leaves(
            @PathVariable String statementId,
            @RequestParam(defaultValue = "0") long start,
            @RequestParam(required = false) Long end) {
        LogState state = state(statementId);
        long stop = end == null ? Math.min(state.size(), start + MAX_LEAVES) : end;
        if (start < 0 || stop > state.size() || start > stop || stop - start > MAX_LEAVES) {
            throw ProblemException.badRequest(
                    "invalid-range",
                    "0 <= start <= end <= " + state.size() + " and at most " + MAX_LEAVES + " leaves per request.");
        }
        return new Leaves(
                start,
                stop,
                logs.leaves(statementId, start, stop).stream()
                        .map(BASE64::encodeToString)
                        .toList());
    }

    @GetMapping("/api/statements/{statementId}/log/proof/inclusion")
    InclusionProof inclusion(
            @PathVariable String statementId,
            @RequestParam(required = false) Long leafIndex,
            @RequestParam(required = false) String eventId,
            @RequestParam long treeSize) {
        LogState state = state(statementId);
        long index;
        if (leafIndex != null) {
            index = leafIndex;
        } else if (eventId != null) {
            index = logs.eventIndex(statementId, eventId).orElseThrow(() -> ProblemException.notFound("event"));
        } else {
            throw ProblemException.badRequest("missing-leaf", "Give leafIndex or eventId.");
        }
        if (treeSize < 1 || treeSize > state.size() || index < 0 || index >= treeSize) {
            throw ProblemException.badRequest("invalid-range", "0 <= leafIndex < treeSize <= " + state.size() + ".");
        }
        return new InclusionProof(
                index, treeSize, encode(new MerkleProofs(logs.nodes(statementId)).inclusion(index, treeSize)));
    }

    @GetMapping("/api/statements/{statementId}/log/proof/consistency")
    ConsistencyProof consistency(@PathVariable String statementId, @RequestParam long from, @RequestParam long to) {
        LogState state = state(statementId);
        if (from < 1 || from > to || to > state.size()) {
            throw ProblemException.badRequest("invalid-range", "1 <= from <= to <= " + state.size() + ".");
        }
        return new ConsistencyProof(from, to, encode(new MerkleProofs(logs.nodes(statementId)).consistency(from, to)));
    }

    private LogState state(String statementId) {
        return logs.state(statementId).orElseThrow(() -> ProblemException.notFound("log for this statement"));
    }

    private static List<String> encode(List<byte[]> hashes) {
        return hashes.stream().map(BASE64::encodeToString).toList();
    }
}
