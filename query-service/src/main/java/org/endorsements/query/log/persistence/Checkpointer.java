package org.endorsements.query.log.persistence;

import org.endorsements.query.log.LogProperties;
import org.endorsements.query.log.LogState;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.MerkleProofs;
import org.endorsements.transparency.SignedNote;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Signs a new checkpoint for every log that grew since its last one, every few seconds at most. */
@Component
public class Checkpointer {

    private final MongoLogStore logs;
    private final LogSigningKey key;
    private final LogProperties properties;

    Checkpointer(MongoLogStore logs, LogSigningKey key, LogProperties properties) {
        this.logs = logs;
        this.key = key;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${endorsements.log.checkpoint-interval:2s}")
    public void checkpointAll() {
        for (LogState state : logs.allStates()) {
            long signed = logs.checkpoint(state.statementId()).map(d -> ((Number) d.get("size")).longValue())
                    .orElse(-1L);
            if (state.size() > signed) {
                checkpoint(state);
            }
        }
    }

    private void checkpoint(LogState state) {
        byte[] root = new MerkleProofs(logs.nodes(state.statementId())).root(state.size());
        String note = SignedNote.sign(new SignedNote.Checkpoint(properties.origin() + state.statementId(),
                state.size(), root), key.keyName(), key.keys().getPrivate(), key.keys().getPublic());
        logs.saveCheckpoint(state.statementId(), state.size(), Hashes.hex(root), note);
    }

    /** The latest signed checkpoint note of a statement, if any. */
    public java.util.Optional<String> latest(String statementId) {
        return logs.checkpoint(statementId).map(d -> d.getString("note"));
    }
}
