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
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.KeyHistory;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.StatementId;
import org.endorsements.transparency.LogLeaf;

/**
 * The signatures and assurance levels in a receipt or audit trail, checked offline: each version 2 leaf must commit
 * to exactly the signature given for it (its key id and the SHA-256 of its bytes), over the leaf's own statement,
 * content hash and action, made within the protocol's signing-time window of the leaf's time, and the signature must
 * verify with a key the organization's key history (as on the topic) shows current when the leaf was recorded. The
 * level each event claims must not exceed what that history lets it carry ({@link KeyHistory#derive}).
 */
final class SignedLeaves {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SignedLeaves() {}

    /**
     * The organization's key history as the receipt carries it: its credential events first ({@code credentials},
     * whose effects are dated, so their place among the key events does not matter), then its key events
     * ({@code signingKeys}); problems in it are added to {@code failures}.
     */
    static KeyHistory keyHistory(JsonNode receipt, List<String> failures) throws IOException {
        KeyHistory history =
                new KeyHistory(OrganizationId.of(receipt.path("organizationId").asText()));
        apply(history, receipt.path("credentials"), "credentials", failures);
        apply(history, receipt.path("signingKeys"), "signing keys", failures);
        history.problems().forEach(problem -> failures.add("signing keys: " + problem));
        return history;
    }

    private static void apply(KeyHistory history, JsonNode events, String what, List<String> failures)
            throws IOException {
        for (JsonNode event : events) {
            byte[] payload = JSON.writeValueAsBytes(event.path("payload"));
            try {
                history.apply(EventMessageFormat.decode(event.path("eventType").asText(), payload));
            } catch (EventMessageFormat.UnreadableEventException e) {
                // A pin this build's events cannot read gates only the first key, which AnchorCheck reads itself.
                if (!AnchorCheck.isPin(event.path("eventType").asText())) {
                    failures.add(what + ": an event does not read as one of the organization's");
                }
            }
        }
    }

    /**
     * What one leaf proves: whether it was a signed one that verified, and the highest assurance level its event can
     * honestly carry (null for a leaf that is no endorsement, withdrawal or re-confirmation).
     */
    record Checked(boolean signed, AssuranceLevel derived) {}

    /**
     * Checks one leaf against the signature the receipt or audit trail gives for it (a JSON null when unsigned), and
     * the level it claims ({@code claimedAssurance}, empty when it claims none) against the highest level the key
     * history lets its event carry: a claim above it fails, naming what bounds it.
     *
     * @param actor the event's actor ({@code admin}, {@code credential:<id>}), null when not known
     */
    static Checked check(
            String where,
            byte[] leafBytes,
            JsonNode signatureJson,
            String claimedAssurance,
            String actor,
            KeyHistory keys,
            List<String> failures)
            throws IOException {
        JsonNode leaf = JSON.readTree(new String(leafBytes, StandardCharsets.UTF_8));
        // A version 2 leaf, and a version 3 one that names a key, commit to a signature; a version 3 leaf of an
        // unsigned event names none (its keyId is null).
        int version = leaf.path(LogLeaf.VERSION_KEY).asInt(1);
        boolean versionTwo = version == 2 || (version >= 3 && leaf.hasNonNull("keyId"));
        boolean signed = signatureJson != null && !signatureJson.isNull() && !signatureJson.isMissingNode();
        Optional<SignedMessages.Action> action = switch (leaf.path("type").asText()) {
            case "EndorsementAdded", "EndorsementReconfirmed" -> Optional.of(SignedMessages.Action.ENDORSE);
            case "EndorsementWithdrawn" -> Optional.of(SignedMessages.Action.WITHDRAW);
            default -> Optional.empty();
        };
        Instant recordedAt = Instant.parse(leaf.path("time").asText());
        ActionSignature signature = null;
        boolean verified = false;
        if (versionTwo || signed) {
            if (versionTwo != signed) {
                failures.add(where + ": the leaf and the receipt disagree on whether it was signed");
                return new Checked(false, null);
            }
            if (keys.hasNoKeys()) {
                failures.add(where + ": a signed leaf, but no key history of the organization to verify it against");
                return new Checked(false, null);
            }
            try {
                signature = JSON.treeToValue(signatureJson, ActionSignature.class);
            } catch (IOException | IllegalArgumentException e) {
                failures.add(where + ": the signature is malformed");
                return new Checked(false, null);
            }
            if (!signature.keyId().value().equals(leaf.path("keyId").asText())
                    || !LogLeaf.signatureDigest(signature.value())
                            .equals(leaf.path("signatureDigest").asText())) {
                failures.add(where + ": the leaf does not commit to this signature");
                return new Checked(false, null);
            }
            if (!signature.contentHash().equals(leaf.path("contentHash").asText())) {
                failures.add(where + ": the signature is over another text than the leaf records");
                return new Checked(false, null);
            }
            if (action.isEmpty()) {
                failures.add(where + ": only endorsements, re-confirmations and withdrawals are signed");
                return new Checked(false, null);
            }
            Optional<String> problem = keys.check(
                    signature,
                    action.get(),
                    StatementId.of(leaf.path("statementId").asText()),
                    recordedAt);
            problem.ifPresent(p -> failures.add(where + ": " + p));
            if (problem.isPresent()) {
                return new Checked(false, null);
            }
            verified = true;
        }
        if (action.isEmpty() && "EndorsementReinstated".equals(leaf.path("type").asText())) {
            // The admin's act counts the endorsement again: what it records is never above what an admin vouches for
            // (EndorsementReinstated.levelAfter); whether it is above the endorsement's own level is the caller's
            // check.
            if (claimedAssurance != null && !claimedAssurance.isEmpty()) {
                AssuranceLevel claimed;
                try {
                    claimed = AssuranceLevel.fromWire(claimedAssurance);
                } catch (IllegalArgumentException e) {
                    failures.add(where + ": unknown assurance level " + claimedAssurance);
                    return new Checked(false, null);
                }
                new KeyHistory.Derived(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL, "an admin's reinstatement")
                        .refute(claimed)
                        .ifPresent(why -> failures.add(where + ": " + why));
            }
            return new Checked(false, null);
        }
        if (action.isEmpty()) {
            if (claimedAssurance != null && !claimedAssurance.isEmpty()) {
                failures.add(where + ": a " + leaf.path("type").asText() + " claims an assurance level, which only"
                        + " an organization's own actions carry");
            }
            return new Checked(false, null);
        }
        KeyHistory.Derived derived = keys.derive(
                signature, actor, "imported".equals(leaf.path("source").asText()), recordedAt);
        if (claimedAssurance != null && !claimedAssurance.isEmpty()) {
            AssuranceLevel claimed;
            try {
                claimed = AssuranceLevel.fromWire(claimedAssurance);
            } catch (IllegalArgumentException e) {
                failures.add(where + ": unknown assurance level " + claimedAssurance);
                return new Checked(verified, derived.level());
            }
            derived.refute(claimed).ifPresent(why -> failures.add(where + ": " + why));
        }
        return new Checked(verified, derived.level());
    }

    /**
     * A reinstatement counts the endorsement again at the weaker of its level before the invalidation (as derived,
     * {@code before}, null when unknown, which proves only {@code imported}) and what the admin vouches for ({@code EndorsementReinstated.levelAfter}): a
     * claim above that fails. Returns the level the endorsement is in force at from then on.
     */
    static AssuranceLevel reinstated(
            String where, String claimedAssurance, AssuranceLevel before, List<String> failures) {
        // No earlier level known proves nothing: the endorsement is counted again at the weakest level, not at what
        // the admin vouches for (which levelAfter gives an unknown one, on the command side that knows it).
        AssuranceLevel after = before == null
                ? AssuranceLevel.IMPORTED
                : org.endorsements.events.EndorsementReinstated.levelAfter(before);
        if (claimedAssurance != null && !claimedAssurance.isEmpty()) {
            try {
                new KeyHistory.Derived(
                                after,
                                before == null
                                        ? "a reinstatement of an endorsement whose level the history does not show"
                                        : "a reinstatement of an endorsement that proved " + before.wireName())
                        .refute(AssuranceLevel.fromWire(claimedAssurance))
                        .ifPresent(why -> failures.add(where + ": " + why));
            } catch (IllegalArgumentException e) {
                // an unknown level is reported by check
            }
        }
        return after;
    }

    /**
     * The level an endorsement or re-confirmation puts the endorsement in force at: the weaker of what it claims and
     * what its history proves (a claim may be lower than what can be derived, and then the platform counts it at the
     * claim); null for an event that is neither.
     */
    static AssuranceLevel inForce(Checked checked, String claimedAssurance) {
        if (checked.derived() == null) {
            return null;
        }
        try {
            return claimedAssurance == null || claimedAssurance.isEmpty()
                    ? checked.derived()
                    : checked.derived().weakest(AssuranceLevel.fromWire(claimedAssurance));
        } catch (IllegalArgumentException e) {
            return checked.derived();
        }
    }

    static byte[] leafOf(JsonNode entry) {
        return Base64.getDecoder().decode(entry.path("leaf").asText());
    }
}
