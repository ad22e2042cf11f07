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
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.SigningKeyId;
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

    @Option(
            names = "--key",
            required = true,
            description = "the verifier key published by the platform. "
                    + "Repeatable: during a key rotation, any of the keys may have signed.")
    List<String> verifierKeys;

    @Mixin
    Trust trust = new Trust();

    @Mixin
    AnchorOptions anchorOptions = new AnchorOptions();

    /**
     * Every endorsement, withdrawal, invalidation and reinstatement of the organization on the statement, each
     * included in the same signed tree and committing to the same organization, in log order, the last one being the
     * receipt's own leaf.
     */
    private static String checkHistory(
            JsonNode receipt,
            SignedNote.Checkpoint checkpoint,
            String commitment,
            long latestIndex,
            List<String> failures)
            throws IOException {
        JsonNode history = receipt.path("history");
        if (!history.isArray()) {
            return "";
        }
        long previous = -1;
        int added = 0;
        int withdrawn = 0;
        int invalidated = 0;
        int reinstated = 0;
        int reconfirmed = 0;
        for (JsonNode entry : history) {
            byte[] leaf = Base64.getDecoder().decode(entry.path("leaf").asText());
            long index = entry.path("leafIndex").asLong();
            List<byte[]> proof = new ArrayList<>();
            entry.path("inclusionProof")
                    .forEach(p -> proof.add(Base64.getDecoder().decode(p.asText())));
            JsonNode content = JSON.readTree(new String(leaf, StandardCharsets.UTF_8));
            if (!ProofVerifier.verifyInclusion(Hashes.leaf(leaf), index, checkpoint.size(), proof, checkpoint.root())) {
                failures.add("history: leaf " + index + " is not included in the signed tree");
            }
            if (!commitment.equals(content.path("signer").asText())
                    || !receipt.path("statementId")
                            .asText()
                            .equals(content.path("statementId").asText())) {
                failures.add("history: leaf " + index + " is not this organization's on this statement");
            }
            if (index <= previous) {
                failures.add("history: leaf " + index + " is out of order");
            }
            previous = index;
            switch (content.path("type").asText()) {
                case "EndorsementAdded" -> added++;
                case "EndorsementWithdrawn" -> withdrawn++;
                case "EndorsementInvalidated" -> invalidated++;
                case "EndorsementReinstated" -> reinstated++;
                case "EndorsementReconfirmed" -> reconfirmed++;
                default -> failures.add("history: leaf " + index + " is not an event of this endorsement");
            }
        }
        if (previous != latestIndex) {
            failures.add("history: its last event is not the receipt's latest leaf " + latestIndex);
        }
        String moderation = invalidated + reinstated == 0
                ? ""
                : String.format(
                        ", %d invalidation%s and %d reinstatement%s",
                        invalidated, invalidated == 1 ? "" : "s", reinstated, reinstated == 1 ? "" : "s");
        String reconfirmations = reconfirmed == 0
                ? ""
                : String.format(", %d re-confirmation%s", reconfirmed, reconfirmed == 1 ? "" : "s");
        return String.format(
                "; history: %d endorsement%s%s and %d withdrawal%s%s, each included",
                added, added == 1 ? "" : "s", reconfirmations, withdrawn, withdrawn == 1 ? "" : "s", moderation);
    }

    /**
     * Every event of the receipt (the latest and its history): its signature checked against the organization's key
     * history the receipt carries, and the assurance level it claims against the highest that history lets it carry;
     * for a version 3 leaf, only the key-history entries it commits to, once their chain matches
     * ({@link CommittedKeyHistory}).
     * Says how the latest event is signed, the level it claims and the level derived.
     */
    private static String checkSignatures(
            JsonNode receipt, byte[] latestLeaf, AnchorCheck anchors, List<String> failures) throws IOException {
        org.endorsements.events.KeyHistory keys = SignedLeaves.keyHistory(receipt, failures);
        String organizationId = receipt.path("organizationId").asText();
        CommittedKeyHistory committed = CommittedKeyHistory.of(
                org.endorsements.events.OrganizationId.of(organizationId), receipt.get("keyHistory"), failures);
        String latestWhere = "the latest leaf " + receipt.path("leafIndex").asLong();
        org.endorsements.events.KeyHistory latestKeys = committed.forLeaf(latestWhere, latestLeaf, keys, failures);
        SignedLeaves.Checked latest = latestKeys == null
                ? new SignedLeaves.Checked(false, null)
                : SignedLeaves.check(
                        latestWhere,
                        latestLeaf,
                        receipt.path("signature"),
                        receipt.path("assurance").asText(""),
                        receipt.path("actor").asText(null),
                        latestKeys,
                        failures);
        String latestLevel = levelShown(
                latestWhere,
                latestKeys,
                receipt.path("signature"),
                receipt.path("assurance").asText(""),
                latest,
                anchors,
                failures);
        int signed = 0;
        // The level the endorsement is in force at, event by event: a reinstatement may claim no more than it.
        AssuranceLevel inForce = null;
        for (JsonNode entry : receipt.path("history")) {
            String where = "history: leaf " + entry.path("leafIndex").asLong();
            byte[] leaf = SignedLeaves.leafOf(entry);
            org.endorsements.events.KeyHistory leafKeys = committed.forLeaf(where, leaf, keys, failures);
            SignedLeaves.Checked checked = leafKeys == null
                    ? new SignedLeaves.Checked(false, null)
                    : SignedLeaves.check(
                            where,
                            leaf,
                            entry.path("signature"),
                            entry.path("assurance").asText(""),
                            entry.path("actor").asText(null),
                            leafKeys,
                            failures);
            levelShown(
                    where,
                    leafKeys,
                    entry.path("signature"),
                    entry.path("assurance").asText(""),
                    checked,
                    anchors,
                    failures);
            if (checked.signed()) {
                signed++;
            }
            switch (VerifyLogCommand.eventName(entry.path("eventType").asText())) {
                case "EndorsementAdded", "EndorsementReconfirmed" ->
                    inForce = SignedLeaves.inForce(
                            checked, entry.path("assurance").asText(""));
                case "EndorsementReinstated" ->
                    inForce = SignedLeaves.reinstated(
                            where, entry.path("assurance").asText(""), inForce, failures);
                // An invalidation takes the endorsement out of the count; a reinstatement counts it again as it was.
                case "EndorsementInvalidated" -> {}
                default -> inForce = null;
            }
        }
        String assurance = receipt.path("assurance").asText("");
        return String.format(
                "; %s%s%s; %d signed event%s in the history verified against the organization's keys",
                latest.signed()
                        ? "signed by key "
                                + receipt.path("signature").path("keyId").asText()
                        : "unsigned",
                assurance.isEmpty() ? "" : ", assurance " + assurance,
                latestLevel == null ? "" : ", derived level " + latestLevel,
                signed,
                signed == 1 ? "" : "s");
    }

    /**
     * The level an event is shown at: the derived one, and for a proven {@code organization-key} claim what anchors
     * it ({@link AnchorCheck}, on {@code keys}, the key history the leaf was judged by), which adds a failure when
     * an anchor contradicts its first key.
     */
    static String levelShown(
            String where,
            org.endorsements.events.KeyHistory keys,
            JsonNode signature,
            String claimed,
            SignedLeaves.Checked checked,
            AnchorCheck anchors,
            List<String> failures) {
        if (checked.derived() == null) {
            return null;
        }
        if (checked.signed()
                && checked.derived() == AssuranceLevel.ORGANIZATION_KEY
                && AssuranceLevel.ORGANIZATION_KEY.wireName().equals(claimed)) {
            return anchors.check(
                    where, keys, SigningKeyId.of(signature.path("keyId").asText()), failures);
        }
        return checked.derived().wireName();
    }

    @Override
    public Integer call() {
        try {
            JsonNode receipt = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            SignedNote.Verified verified =
                    trust.verify(receipt.path("checkpoint").asText(), verifierKeys);
            SignedNote.Checkpoint checkpoint = verified.checkpoint();
            byte[] leaf = Base64.getDecoder().decode(receipt.path("leaf").asText());
            long index = receipt.path("leafIndex").asLong();
            List<byte[]> proof = new ArrayList<>();
            receipt.path("inclusionProof")
                    .forEach(p -> proof.add(Base64.getDecoder().decode(p.asText())));
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
            String expected = LogLeaf.commitment(
                    receipt.path("opening").asText(),
                    receipt.path("organizationId").asText());
            if (!expected.equals(content.path("signer").asText())) {
                failures.add("the leaf's signer commitment is not this organization's");
            }
            String history = checkHistory(receipt, checkpoint, expected, index, failures);
            AnchorCheck anchors = anchorOptions.check();
            String signatures = checkSignatures(receipt, leaf, anchors, failures);
            if (!failures.isEmpty()) {
                failures.forEach(f -> System.err.println("INVALID: " + f));
                return 1;
            }
            System.out.printf(
                    "Valid receipt: %s %s statement %s at %s (leaf %d of a signed tree of %d; %s)%s%s%n",
                    receipt.path("organizationId").asText(),
                    content.path("type").asText(),
                    statementId,
                    content.path("time").asText(),
                    index,
                    checkpoint.size(),
                    trust.describe(verified),
                    history,
                    signatures);
            anchors.summary().forEach(line -> System.out.println("Anchors: " + line));
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("INVALID: " + e.getMessage());
            return 1;
        }
    }
}
