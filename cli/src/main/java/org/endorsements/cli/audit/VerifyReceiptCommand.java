package org.endorsements.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.LogLeaf;
import org.endorsements.transparency.ProofVerifier;
import org.endorsements.transparency.SignedNote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Checks a receipt offline: the checkpoint's signature, the leaf's inclusion, and that the leaf is the holder's. */
@Command(name = "verify-receipt", description = "Verifies a receipt file offline against the published key.")
public final class VerifyReceiptCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", description = "the receipt (JSON, as the receipts endpoint returns it)")
    Path file;

    @Option(names = "--key", required = true, description = "the verifier key published by the platform. "
            + "Repeatable: during a key rotation, any of the keys may have signed.")
    List<String> verifierKeys;

    @Mixin
    Trust trust = new Trust();

    @Override
    public Integer call() {
        try {
            JsonNode receipt = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            SignedNote.Verified verified = trust.verify(receipt.path("checkpoint").asText(), verifierKeys);
            SignedNote.Checkpoint checkpoint = verified.checkpoint();
            byte[] leaf = Base64.getDecoder().decode(receipt.path("leaf").asText());
            long index = receipt.path("leafIndex").asLong();
            List<byte[]> proof = new ArrayList<>();
            receipt.path("inclusionProof").forEach(p -> proof.add(Base64.getDecoder().decode(p.asText())));
            List<String> failures = new ArrayList<>();
            if (receipt.path("treeSize").asLong() != checkpoint.size()) {
                failures.add("the receipt's tree size differs from its checkpoint's");
            }
            if (!ProofVerifier.verifyInclusion(Hashes.leaf(leaf), index, checkpoint.size(), proof, checkpoint.root())) {
                failures.add("the leaf is not included in the signed tree at index " + index);
            }
            JsonNode content = JSON.readTree(new String(leaf, StandardCharsets.UTF_8));
            String statementId = receipt.path("statementId").asText();
            if (!statementId.equals(content.path("statementId").asText())
                    || !checkpoint.origin().endsWith("/" + statementId)) {
                failures.add("the leaf or checkpoint belongs to another statement");
            }
            String expected = LogLeaf.commitment(receipt.path("opening").asText(),
                    receipt.path("organizationId").asText());
            if (!expected.equals(content.path("signer").asText())) {
                failures.add("the leaf's signer commitment is not this organization's");
            }
            if (!failures.isEmpty()) {
                failures.forEach(f -> System.err.println("INVALID: " + f));
                return 1;
            }
            System.out.printf("Valid receipt: %s %s statement %s at %s (leaf %d of a signed tree of %d; %s)%n",
                    receipt.path("organizationId").asText(), content.path("type").asText(), statementId,
                    content.path("time").asText(), index, checkpoint.size(), trust.describe(verified));
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("INVALID: " + e.getMessage());
            return 1;
        }
    }
}
