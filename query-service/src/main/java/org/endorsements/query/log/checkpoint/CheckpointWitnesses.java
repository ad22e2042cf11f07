package org.endorsements.query.log.checkpoint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.endorsements.query.log.LogProperties;
import org.endorsements.transparency.MerkleProofs;
import org.endorsements.transparency.Note;
import org.endorsements.transparency.NoteVerifier;
import org.endorsements.transparency.witness.AddCheckpoint;
import org.endorsements.transparency.witness.WitnessClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Submits checkpoints to the configured witnesses and keeps their cosignatures with the checkpoint. A witness that
 * is down or refuses never stops the log: the checkpoint is served with the cosignatures it has, the witness's
 * status says what went wrong (log, metric, {@code GET /api/log/witnesses}), and the next round tries again, so a
 * witness that comes back cosigns the latest checkpoint of every statement.
 */
@Component
public class CheckpointWitnesses {

    private static final Logger log = LoggerFactory.getLogger(CheckpointWitnesses.class);

    /** What the platform knows of one witness, as the status endpoint shows it. */
    public record Status(
            String name,
            String url,
            String verifierKey,
            boolean up,
            int pendingCheckpoints,
            Instant lastCosignedAt,
            Instant lastFailureAt,
            String lastFailure) {}

    private final List<Endpoint> endpoints = new ArrayList<>();
    private final WitnessClient client;
    private final Clock clock;

    CheckpointWitnesses(LogProperties properties, MeterRegistry meters, Clock clock) {
        this.client = new WitnessClient(properties.witnessTimeout());
        this.clock = clock;
        for (LogProperties.WitnessEndpoint witness : properties.witnesses()) {
            NoteVerifier key = NoteVerifier.parse(witness.verifierKey());
            if (!key.isCosigner()) {
                throw new IllegalStateException(
                        "endorsements.log.witnesses: " + witness.url() + " has no cosignature key (type 0x04)");
            }
            Endpoint endpoint = new Endpoint(witness.url(), key, meters);
            endpoints.add(endpoint);
            log.info("Checkpoints are submitted to the witness {} at {}", key.name(), witness.url());
        }
    }

    public List<Status> status() {
        return endpoints.stream().map(Endpoint::status).toList();
    }

    boolean any() {
        return !endpoints.isEmpty();
    }

    /** One round over every statement: a witness that fails once in a round is not asked again in that round. */
    final class Round {

        private final Set<Endpoint> failed = ConcurrentHashMap.newKeySet();
        private final Map<Endpoint, Integer> pending = new ConcurrentHashMap<>();

        /**
         * Asks every witness that has not cosigned this checkpoint yet.
         *
         * @return the note with every cosignature now known
         */
        String collect(
                String statementId,
                long size,
                String note,
                List<String> witnessed,
                MerkleProofs proofs,
                CosignatureSink sink) {
            Note current = Note.parse(note);
            for (Endpoint endpoint : endpoints) {
                if (witnessed.contains(endpoint.key.name())) {
                    continue;
                }
                if (failed.contains(endpoint)) {
                    pending.merge(endpoint, 1, Integer::sum);
                    continue;
                }
                List<Note.Signature> cosignatures = endpoint.submit(statementId, size, current, proofs);
                if (cosignatures.isEmpty()) {
                    failed.add(endpoint);
                    pending.merge(endpoint, 1, Integer::sum);
                } else {
                    current = current.with(cosignatures);
                    sink.save(size, current.encode(), endpoint.key.name());
                }
            }
            return current.encode();
        }

        void finish() {
            endpoints.forEach(e -> e.pending.set(pending.getOrDefault(e, 0)));
        }
    }

    Round round() {
        return new Round();
    }

    /** Where a checkpoint's new cosignatures are stored. */
    interface CosignatureSink {
        void save(long size, String note, String witnessName);
    }

    private final class Endpoint {

        private final String url;
        private final NoteVerifier key;
        private final Map<String, Long> knownSizes = new ConcurrentHashMap<>();
        private final AtomicInteger pending = new AtomicInteger();
        private final Counter cosigned;
        private final Counter unreachable;
        private final Counter refused;
        private final Counter behind;
        private volatile boolean up = true;
        private volatile Instant lastCosignedAt;
        private volatile Instant lastFailureAt;
        private volatile String lastFailure;

        Endpoint(String url, NoteVerifier key, MeterRegistry meters) {
            this.url = url;
            this.key = key;
            this.cosigned = counter(meters, "cosigned");
            this.unreachable = counter(meters, "unreachable");
            this.refused = counter(meters, "refused");
            this.behind = counter(meters, "behind");
            Gauge.builder("endorsements.log.witness.up", () -> up ? 1 : 0)
                    .tag("witness", key.name())
                    .description("1 when the witness's last answer was a cosignature")
                    .register(meters);
            Gauge.builder("endorsements.log.witness.pending", pending::get)
                    .tag("witness", key.name())
                    .description("checkpoints still lacking this witness's cosignature")
                    .register(meters);
        }

        private Counter counter(MeterRegistry meters, String outcome) {
            return Counter.builder("endorsements.log.witness.submissions")
                    .tag("witness", key.name())
                    .tag("outcome", outcome)
                    .register(meters);
        }

        /** The verified cosignatures, or none when the witness is down or refused. */
        List<Note.Signature> submit(String statementId, long size, Note note, MerkleProofs proofs) {
            try {
                for (int attempt = 0; attempt < 2; attempt++) {
                    long old = Math.min(knownSizes.getOrDefault(statementId, 0L), size);
                    List<byte[]> proof = old == 0 || old == size ? List.of() : proofs.consistency(old, size);
                    WitnessClient.Result result =
                            client.addCheckpoint(url, key, new AddCheckpoint(old, proof, note.encode()));
                    if (result instanceof WitnessClient.Cosigned c) {
                        knownSizes.put(statementId, size);
                        cosigned.increment();
                        lastCosignedAt = clock.instant();
                        if (!up) {
                            log.info("The witness {} cosigns again", key.name());
                        }
                        up = true;
                        return c.cosignatures();
                    }
                    if (result instanceof WitnessClient.Conflict conflict
                            && conflict.witnessSize() <= size
                            && conflict.witnessSize() != old) {
                        knownSizes.put(statementId, conflict.witnessSize());
                        continue;
                    }
                    if (result instanceof WitnessClient.Conflict conflict && conflict.witnessSize() > size) {
                        // The witness cosigned a larger tree of this log: another instance signing with the same
                        // key got there first. That is no refusal; this instance's next checkpoint past that size
                        // proves its consistency with it (a split view is refused then), and until then the
                        // checkpoint waits, counted as pending.
                        knownSizes.put(statementId, conflict.witnessSize());
                        behind.increment();
                        return List.of();
                    }
                    String why = result instanceof WitnessClient.Conflict conflict
                            ? "it already cosigned a larger tree (" + conflict.witnessSize() + " leaves)"
                            : "HTTP " + ((WitnessClient.Refused) result).status() + ": "
                                    + ((WitnessClient.Refused) result).message();
                    refused.increment();
                    // A refusal, unlike an outage, says this witness saw a history this one does not extend.
                    fail("refused the checkpoint of " + statementId + " at size " + size + ": " + why, true);
                    return List.of();
                }
                fail("kept answering 409 for " + statementId, true);
                return List.of();
            } catch (IOException | RuntimeException e) {
                unreachable.increment();
                // A refused connection has no message: its type is what tells the operator.
                fail(
                        "is unreachable: "
                                + (e.getMessage() != null
                                        ? e.getMessage()
                                        : e.getClass().getSimpleName()),
                        false);
                return List.of();
            }
        }

        private void fail(String what, boolean refusal) {
            String message = "The witness " + key.name() + " at " + url + " " + what;
            if (refusal && !what.equals(lastFailure)) {
                log.error("{}", message);
            } else if (up) {
                log.warn("{}; checkpoints are served without its cosignature until it is back", message);
            }
            up = false;
            lastFailureAt = clock.instant();
            lastFailure = what;
        }

        Status status() {
            return new Status(
                    key.name(), url, key.encode(), up, pending.get(), lastCosignedAt, lastFailureAt, lastFailure);
        }
    }
}
