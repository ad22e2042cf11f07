package org.endorsements.query.log.checkpoint;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.endorsements.query.log.LogProperties;
import org.endorsements.query.log.LogState;
import org.endorsements.query.log.PublishedCheckpoints;
import org.endorsements.query.log.persistence.MongoLogStore;
import org.endorsements.query.log.persistence.SigningKeyPin;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.MerkleProofs;
import org.endorsements.transparency.Note;
import org.endorsements.transparency.NoteVerifier;
import org.endorsements.transparency.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signs a new checkpoint for every log that grew since its last one, every few seconds at most, and has the
 * configured witnesses cosign each statement's latest checkpoint.
 *
 * <p>Every query-service instance runs one, on the same logs: they compute the same trees, sign with the one key
 * the view store is pinned to ({@link SigningKeyPin}; an instance with another key does not start) and a checkpoint
 * is only ever replaced by a larger one, so two instances never publish two checkpoints of one size.
 */
@Component
public class Checkpointer implements PublishedCheckpoints, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

    private final MongoLogStore logs;
    private final LogSigningKey key;
    private final LogProperties properties;
    private final CheckpointWitnesses witnesses;
    private final SigningKeyPin pin;
    private volatile boolean started;

    Checkpointer(
            MongoLogStore logs,
            LogSigningKey key,
            LogProperties properties,
            CheckpointWitnesses witnesses,
            SigningKeyPin pin) {
        this.logs = logs;
        this.key = key;
        this.properties = properties;
        this.witnesses = witnesses;
        this.pin = pin;
    }

    /**
     * The first thing the started context does (the lowest phase: before the web server and the Kafka consumers),
     * so that an instance given the wrong key file stops before it serves, projects or signs anything. Not in the
     * constructor: a context that only refreshes (the launcher's class-data-sharing training run, with no view
     * store of its own) must not pin its throwaway key in the platform's view store.
     */
    @Override
    public void start() {
        SigningKeyPin.Outcome outcome = claim();
        log.info("Log signing key in the view store: {}", outcome);
        started = true;
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    private SigningKeyPin.Outcome claim() {
        return pin.claim(
                key.verifierKey(),
                key.verifierKeys().subList(1, key.verifierKeys().size()));
    }

    @Scheduled(fixedDelayString = "${endorsements.log.checkpoint-interval:2s}")
    public void checkpointAll() {
        if (!started) {
            return;
        }
        try {
            // Again at every round: the in-memory store may have restarted empty, and during a rotation another
            // instance may have moved the pin to a key this one does not hold, which ends this one's signing.
            claim();
        } catch (IllegalStateException otherKey) {
            log.error("Not signing checkpoints: {}", otherKey.getMessage());
            return;
        }
        CheckpointWitnesses.Round round = witnesses.round();
        for (LogState state : logs.allStates()) {
            Optional<Document> checkpoint = logs.checkpoint(state.statementId());
            long signed =
                    checkpoint.map(d -> ((Number) d.get("size")).longValue()).orElse(-1L);
            if (state.size() > signed) {
                checkpoint(state);
                checkpoint = logs.checkpoint(state.statementId());
            } else {
                checkpoint.ifPresent(d -> addMissingSignatures(state.statementId(), d));
            }
            if (witnesses.any()) {
                checkpoint.ifPresent(d -> witness(round, state.statementId(), d));
            }
        }
        round.finish();
    }

    private void checkpoint(LogState state) {
        byte[] root = new MerkleProofs(logs.nodes(state.statementId())).root(state.size());
        String text = new SignedNote.Checkpoint(properties.origin() + state.statementId(), state.size(), root).body();
        logs.saveCheckpoint(
                state.statementId(), state.size(), Hashes.hex(root), new Note(text, key.sign(text)).encode());
    }

    /**
     * After a key rotation starts, the latest checkpoint of a log that does not grow gets the new key's signature
     * too, so that verifiers that know only the new key accept it at once. Ed25519 signatures are deterministic: a
     * key that had already signed adds nothing.
     */
    private void addMissingSignatures(String statementId, Document checkpoint) {
        Note note = Note.parse(checkpoint.getString("note"));
        if (!key.signedByAll(note)) {
            logs.replaceNote(
                    statementId,
                    ((Number) checkpoint.get("size")).longValue(),
                    note.with(key.sign(note.text())).encode());
        }
    }

    private void witness(CheckpointWitnesses.Round round, String statementId, Document checkpoint) {
        long size = ((Number) checkpoint.get("size")).longValue();
        List<String> witnessed = checkpoint.getList("witnessed", String.class, List.of());
        round.collect(
                statementId,
                size,
                checkpoint.getString("note"),
                witnessed,
                new MerkleProofs(logs.nodes(statementId)),
                (cosignedSize, note, witnessName) ->
                        logs.saveCosignature(statementId, cosignedSize, note, witnessName));
    }

    /** The latest signed checkpoint note of a statement, with every cosignature received, if any. */
    public Optional<String> note(String statementId) {
        return logs.checkpoint(statementId).map(d -> d.getString("note"));
    }

    @Override
    public Optional<Checkpoint> latest(String statementId) {
        String verifierKey = key.verifierKey();
        String keyId =
                HexFormat.of().toHexDigits(NoteVerifier.parse(verifierKey).keyId());
        return logs.checkpoint(statementId)
                .map(d -> new Checkpoint(
                        ((Number) d.get("size")).longValue(),
                        d.getString("root"),
                        verifierKey,
                        keyId,
                        d.getString("note")));
    }
}
