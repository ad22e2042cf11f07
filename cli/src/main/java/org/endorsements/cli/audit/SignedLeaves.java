package org.endorsements.cli.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.KeyHistory;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.StatementId;
import org.endorsements.transparency.LogLeaf;

/**
 * The signatures in a receipt, checked offline: each version 2 leaf must commit to exactly the signature the
 * receipt carries for it (its key id and the SHA-256 of its bytes), over the leaf's own statement, content hash and
 * action, and the signature must verify with a key the organization's key history (carried in the receipt, as on
 * the topic) shows current when the leaf was recorded.
 */
final class SignedLeaves {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SignedLeaves() {}

    /** The organization's key history as the receipt carries it; problems in it are added to {@code failures}. */
    static KeyHistory keyHistory(JsonNode receipt, List<String> failures) throws IOException {
        KeyHistory history =
                new KeyHistory(OrganizationId.of(receipt.path("organizationId").asText()));
        for (JsonNode event : receipt.path("signingKeys")) {
            byte[] payload = JSON.writeValueAsBytes(event.path("payload"));
            try {
                history.apply(EventMessageFormat.decode(event.path("eventType").asText(), payload));
            } catch (EventMessageFormat.UnreadableEventException e) {
                failures.add("signing keys: an event does not read as a key event");
            }
        }
        history.problems().forEach(problem -> failures.add("signing keys: " + problem));
        return history;
    }

    /**
     * Checks one leaf against the signature the receipt gives for it (a JSON null when unsigned).
     *
     * @return whether the leaf was a signed one that verified
     */
    static boolean check(
            String where,
            byte[] leafBytes,
            JsonNode signatureJson,
            String organizationId,
            KeyHistory keys,
            List<String> failures)
            throws IOException {
        JsonNode leaf = JSON.readTree(new String(leafBytes, StandardCharsets.UTF_8));
        boolean versionTwo = leaf.path(LogLeaf.VERSION_KEY).asInt(1) == 2;
        boolean signed = signatureJson != null && !signatureJson.isNull() && !signatureJson.isMissingNode();
        if (!versionTwo && !signed) {
            return false;
        }
        if (versionTwo != signed) {
            failures.add(where + ": the leaf and the receipt disagree on whether it was signed");
            return false;
        }
        ActionSignature signature;
        try {
            signature = JSON.treeToValue(signatureJson, ActionSignature.class);
        } catch (IOException | IllegalArgumentException e) {
            failures.add(where + ": the signature is malformed");
            return false;
        }
        if (!signature.keyId().value().equals(leaf.path("keyId").asText())
                || !LogLeaf.signatureDigest(signature.value())
                        .equals(leaf.path("signatureDigest").asText())) {
            failures.add(where + ": the leaf does not commit to this signature");
            return false;
        }
        if (!signature.contentHash().equals(leaf.path("contentHash").asText())) {
            failures.add(where + ": the signature is over another text than the leaf records");
            return false;
        }
        Optional<SignedMessages.Action> action = switch (leaf.path("type").asText()) {
            case "EndorsementAdded" -> Optional.of(SignedMessages.Action.ENDORSE);
            case "EndorsementWithdrawn" -> Optional.of(SignedMessages.Action.WITHDRAW);
            default -> Optional.empty();
        };
        if (action.isEmpty()) {
            failures.add(where + ": only endorsements and withdrawals are signed");
            return false;
        }
        Optional<String> problem = keys.check(
                signature,
                action.get(),
                StatementId.of(leaf.path("statementId").asText()),
                Instant.parse(leaf.path("time").asText()));
        problem.ifPresent(p -> failures.add(where + ": " + p));
        return problem.isEmpty() && OrganizationId.of(organizationId) != null;
    }

    static byte[] leafOf(JsonNode entry) {
        return Base64.getDecoder().decode(entry.path("leaf").asText());
    }
}
