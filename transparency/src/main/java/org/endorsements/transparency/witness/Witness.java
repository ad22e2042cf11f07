package org.endorsements.transparency.witness;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endorsements.transparency.Cosignature;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.Note;
import org.endorsements.transparency.NoteVerifier;
import org.endorsements.transparency.ProofVerifier;
import org.endorsements.transparency.SignedNote;

/**
 * A transparency log witness (c2sp.org/tlog-witness): it cosigns a checkpoint only if the log's key signed it and
 * it is consistent with the latest checkpoint this witness cosigned for that origin, and it records the new one
 * durably before answering. Checking and recording happen under one lock, so two concurrent submissions cannot
 * roll the record back (the race the specification describes).
 */
public final class Witness {

    /** An answer to add-checkpoint: the HTTP status, its content type and its body. */
    public record Answer(int status, String contentType, String body) {

        static Answer of(int status, String message) {
            return new Answer(status, "text/plain; charset=utf-8", message + "\n");
        }
    }

    private final String name;
    private final KeyPair keys;
    private final WitnessedLogs logs;
    private final WitnessState state;
    private final Clock clock;
    private final System.Logger log = System.getLogger(Witness.class.getName());

    public Witness(String name, KeyPair keys, WitnessedLogs logs, WitnessState state, Clock clock) {
        this.name = name;
        this.keys = keys;
        this.logs = logs;
        this.state = state;
        this.clock = clock;
    }

    /** The witness's verifier key (type 0x04), as log clients configure it. */
    public NoteVerifier verifier() {
        return Cosignature.verifier(name, keys);
    }

    /** The latest checkpoint cosigned for an origin, with its signatures (the monitoring endpoint). */
    public Optional<String> latest(String origin) throws IOException {
        return state.latest(origin);
    }

    public Optional<String> latestByHash(String originHash) throws IOException {
        return state.latestByHash(originHash);
    }

    public synchronized Answer addCheckpoint(String body) throws IOException {
        AddCheckpoint request;
        Note note;
        SignedNote.Checkpoint checkpoint;
        try {
            request = AddCheckpoint.parse(body);
            note = Note.parse(request.note());
            checkpoint = SignedNote.parse(note.text());
        } catch (IllegalArgumentException e) {
            return Answer.of(400, e.getMessage());
        }
        List<NoteVerifier> trusted = logs.keysFor(checkpoint.origin());
        if (trusted.isEmpty()) {
            return Answer.of(404, "this witness does not witness the log " + checkpoint.origin());
        }
        try {
            if (note.verifiedBy(trusted).isEmpty()) {
                return Answer.of(403, "no signature by a key this witness trusts for " + checkpoint.origin());
            }
        } catch (IllegalArgumentException e) {
            return Answer.of(403, e.getMessage());
        }
        if (request.oldSize() > checkpoint.size()) {
            return Answer.of(400, "the old size is larger than the checkpoint's size");
        }
        Optional<SignedNote.Checkpoint> latest = state.latest(checkpoint.origin())
                .map(n -> SignedNote.parse(Note.parse(n).text()));
        long latestSize = latest.map(SignedNote.Checkpoint::size).orElse(0L);
        if (request.oldSize() != latestSize) {
            return new Answer(409, "text/x.tlog.size", latestSize + "\n");
        }
        String refusal = inconsistency(request, checkpoint, latest);
        if (refusal != null) {
            log.log(
                    System.Logger.Level.WARNING,
                    "Refused a checkpoint of {0} at size {1}: {2}",
                    checkpoint.origin(),
                    checkpoint.size(),
                    refusal);
            state.keepEvidence(checkpoint.origin(), body, refusal);
            return Answer.of(422, refusal);
        }
        Note.Signature cosignature =
                Cosignature.sign(note.text(), clock.instant().getEpochSecond(), name, keys);
        state.save(checkpoint.origin(), note.with(List.of(cosignature)).encode());
        return new Answer(200, "text/plain; charset=utf-8", cosignature.line());
    }

    private static String inconsistency(
            AddCheckpoint request, SignedNote.Checkpoint checkpoint, Optional<SignedNote.Checkpoint> latest) {
        if (checkpoint.size() == 0 && !Arrays.equals(checkpoint.root(), Hashes.empty())) {
            return "a checkpoint of size 0 must have the empty tree's root";
        }
        if (latest.isEmpty()) {
            return request.proof().isEmpty() ? null : "with old size 0 the consistency proof must be empty";
        }
        SignedNote.Checkpoint old = latest.get();
        if (old.size() == checkpoint.size()) {
            return Arrays.equals(old.root(), checkpoint.root())
                    ? null
                    : "another root hash at the size this witness already cosigned: a split view";
        }
        return ProofVerifier.verifyConsistency(
                        old.size(), checkpoint.size(), request.proof(), old.root(), checkpoint.root())
                ? null
                : "the consistency proof from size " + old.size() + " does not verify";
    }

    /** The logs a witness witnesses: verifier keys by origin, or by origin prefix (an entry ending in '*'). */
    public record WitnessedLogs(Map<String, List<NoteVerifier>> byOrigin) {

        public WitnessedLogs {
            byOrigin = Map.copyOf(byOrigin);
            if (byOrigin.values().stream().flatMap(List::stream).anyMatch(NoteVerifier::isCosigner)) {
                throw new IllegalArgumentException("a log's key is an Ed25519 note key (type 0x01)");
            }
        }

        /**
         * Parses {@code <origin>=<verifier key>} entries; an origin ending in {@code *} covers every origin with
         * that prefix (the platform has one log per statement).
         */
        public static WitnessedLogs parse(List<String> entries) {
            Map<String, List<NoteVerifier>> logs = new java.util.HashMap<>();
            for (String entry : entries) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("a witnessed log is <origin>=<verifier key>: " + entry);
                }
                logs.computeIfAbsent(entry.substring(0, eq).strip(), k -> new java.util.ArrayList<>())
                        .add(NoteVerifier.parse(entry.substring(eq + 1)));
            }
            logs.replaceAll((k, v) -> List.copyOf(v));
            return new WitnessedLogs(logs);
        }

        List<NoteVerifier> keysFor(String origin) {
            List<NoteVerifier> exact = byOrigin.get(origin);
            if (exact != null) {
                return exact;
            }
            return byOrigin.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("*")
                            && origin.startsWith(
                                    e.getKey().substring(0, e.getKey().length() - 1)))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }
    }
}
