package org.endorsements.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.endorsements.http.ApiClient;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.ProofVerifier;
import org.endorsements.transparency.SignedNote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Keeps the last checkpoint it trusted in a file and, on each run, demands a consistency proof from it to the new
 * one: a history rewritten behind its back fails loudly.
 */
@Command(name = "watch", description = "Checks that a statement's log only grew since the last run.")
public final class WatchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the statement id")
    String statementId;

    @Option(names = "--query-url", defaultValue = "${env:ENDORSEMENTS_QUERY_URL:-http://127.0.0.1:8081}")
    String queryUrl;

    @Option(
            names = "--key",
            required = true,
            description = "the log's verifier key to trust. Repeatable: during "
                    + "a key rotation, any of the keys may have signed.")
    List<String> verifierKeys;

    @Mixin
    Trust trust = new Trust();

    @Option(
            names = "--state",
            description = "where the last trusted checkpoint is kept (default: ./<statement>.checkpoint)")
    Path stateFile;

    @Override
    public Integer call() {
        Path state = stateFile != null ? stateFile : Path.of(statementId + ".checkpoint");
        try {
            ApiClient api = PublicApi.of(queryUrl);
            String base = "/api/statements/" + statementId;
            String note = api.get(base + "/log/checkpoint").expect(200).body();
            SignedNote.Verified verified = trust.verify(note, verifierKeys);
            SignedNote.Checkpoint latest = verified.checkpoint();
            if (Files.exists(state)) {
                // It was trusted when stored, with the witnesses then required.
                SignedNote.Checkpoint trusted = SignedNote.verify(
                                Files.readString(state, StandardCharsets.UTF_8), verifierKeys, List.of(), 0)
                        .checkpoint();
                if (latest.size() < trusted.size()) {
                    return fail("the log shrank from " + trusted.size() + " to " + latest.size() + " leaves");
                }
                if (latest.size() == trusted.size()) {
                    if (!Arrays.equals(latest.root(), trusted.root())) {
                        return fail("the log was rewritten: same size " + latest.size() + ", another root");
                    }
                } else {
                    JsonNode proof = api.get(
                                    base + "/log/proof/consistency?from=" + trusted.size() + "&to=" + latest.size())
                            .expect(200)
                            .json()
                            .path("proof");
                    List<byte[]> hashes = new ArrayList<>();
                    proof.forEach(p -> hashes.add(Base64.getDecoder().decode(p.asText())));
                    if (!ProofVerifier.verifyConsistency(
                            trusted.size(), latest.size(), hashes, trusted.root(), latest.root())) {
                        return fail("no valid consistency proof from size " + trusted.size() + " to " + latest.size()
                                + ": the history was rewritten");
                    }
                }
                System.out.printf(
                        "Consistent: the log grew from %d to %d leaves without rewriting history (%s).%n",
                        trusted.size(), latest.size(), trust.describe(verified));
            } else {
                System.out.printf(
                        "First run: trusting checkpoint of size %d, root %s (%s)%n",
                        latest.size(), Hashes.hex(latest.root()), trust.describe(verified));
            }
            Files.writeString(state, note, StandardCharsets.UTF_8);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            return fail(e.getMessage());
        }
    }

    private static int fail(String message) {
        System.err.println("ALERT: " + message);
        return 1;
    }
}
