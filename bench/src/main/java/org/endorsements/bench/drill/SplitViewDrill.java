package org.endorsements.bench.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.endorsements.http.ApiReply;
import org.endorsements.transparency.CompactTree;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.Note;
import org.endorsements.transparency.SignedNote;
import org.endorsements.transparency.witness.AddCheckpoint;
import org.endorsements.transparency.witness.WitnessClient;

/**
 * {@code drill split-view}: the operator, holding the platform's log key, signs a second tree of the same size for
 * the same statement, as it would to show one audience a history without some events. The drill's witness has
 * cosigned the genuine checkpoint; it must refuse the forged one (422, and 409 when asked as if it had never seen
 * the log), and a verifier that requires the witness must reject the forged checkpoint, also when the genuine
 * cosignature is copied onto it, while the genuine one passes.
 */
final class SplitViewDrill {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    private final LocalPlatform platform;

    SplitViewDrill(LocalPlatform platform) {
        this.platform = platform;
    }

    /** What the drill found, one line per check, and whether all held. */
    record Outcome(List<String> findings, boolean passed) {}

    Outcome run(String statementId) throws IOException, InterruptedException {
        List<String> findings = new ArrayList<>();
        boolean passed = true;
        String logKey = platform.logVerifierKey();
        String witnessKey = platform.witness().verifier().encode();
        String genuine = awaitCosigned(statementId, logKey, witnessKey);
        SignedNote.Checkpoint checkpoint = SignedNote.parse(Note.parse(genuine).text());
        say("the witness cosigned the genuine checkpoint: size " + checkpoint.size() + ", root "
                + Hashes.hex(checkpoint.root()));

        CompactTree other = new CompactTree();
        for (long i = 0; i < checkpoint.size(); i++) {
            other.append(
                    Hashes.leaf(("a history shown to another audience, leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        KeyPair keys = platform.logKeys();
        String forged = SignedNote.sign(
                new SignedNote.Checkpoint(checkpoint.origin(), checkpoint.size(), other.root()),
                "endorsements.local",
                keys.getPrivate(),
                keys.getPublic());
        say("signed a second tree of the same size with the platform's key: root " + Hashes.hex(other.root()));

        WitnessClient client = new WitnessClient(Duration.ofSeconds(5));
        WitnessClient.Result asFollowUp = client.addCheckpoint(
                platform.witnessUrl(),
                platform.witness().verifier(),
                new AddCheckpoint(checkpoint.size(), List.of(), forged));
        boolean refused = asFollowUp instanceof WitnessClient.Refused r && r.status() == 422;
        passed &= refused;
        findings.add("forged tree submitted with old size " + checkpoint.size() + ": " + describe(asFollowUp)
                + (refused ? "" : " (expected 422)"));
        WitnessClient.Result asNew = client.addCheckpoint(
                platform.witnessUrl(), platform.witness().verifier(), new AddCheckpoint(0, List.of(), forged));
        boolean conflict = asNew instanceof WitnessClient.Conflict c && c.witnessSize() == checkpoint.size();
        passed &= conflict;
        findings.add("forged tree submitted as a new log: " + describe(asNew) + (conflict ? "" : " (expected 409)"));

        passed &= rejected(findings, "forged checkpoint", forged, logKey, witnessKey);
        String witnessName = platform.witness().verifier().name();
        String withCopiedCosignature = Note.parse(forged)
                .with(Note.parse(genuine).signatures().stream()
                        .filter(s -> s.keyName().equals(witnessName))
                        .toList())
                .encode();
        passed &= rejected(
                findings,
                "forged checkpoint with the genuine cosignature copied onto it",
                withCopiedCosignature,
                logKey,
                witnessKey);
        try {
            SignedNote.verify(genuine, List.of(logKey), List.of(witnessKey), 1);
            findings.add("genuine checkpoint: accepted by the verifier requiring the witness");
        } catch (IllegalArgumentException e) {
            passed = false;
            findings.add("genuine checkpoint: REJECTED (" + e.getMessage() + ")");
        }
        findings.forEach(SplitViewDrill::say);
        return new Outcome(findings, passed);
    }

    private static boolean rejected(List<String> findings, String what, String note, String logKey, String witnessKey) {
        try {
            SignedNote.verify(note, List.of(logKey), List.of(witnessKey), 1);
            findings.add(what + ": ACCEPTED by the verifier requiring the witness");
            return false;
        } catch (IllegalArgumentException e) {
            findings.add(what + ": rejected by the verifier requiring the witness (" + e.getMessage() + ")");
            return true;
        }
    }

    private String awaitCosigned(String statementId, String logKey, String witnessKey)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            ApiReply response = platform.query().get("/api/statements/" + statementId + "/log/checkpoint");
            if (response.status() == 200) {
                try {
                    SignedNote.verify(response.body(), List.of(logKey), List.of(witnessKey), 1);
                    return response.body();
                } catch (IllegalArgumentException notYet) {
                    last = notYet.getMessage();
                }
            } else {
                last = "HTTP " + response.status();
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(
                "the checkpoint of " + statementId + " was not cosigned within " + WAIT + ": " + last);
    }

    private static String describe(WitnessClient.Result result) {
        if (result instanceof WitnessClient.Conflict c) {
            return "refused, 409 (the witness is at size " + c.witnessSize() + ")";
        }
        if (result instanceof WitnessClient.Refused r) {
            return "refused, " + r.status() + " (" + r.message() + ")";
        }
        return "COSIGNED";
    }

    private static void say(String line) {
        System.out.println("  " + line);
    }
}
