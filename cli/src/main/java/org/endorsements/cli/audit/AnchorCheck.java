package org.endorsements.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.endorsements.events.Ed25519;
import org.endorsements.events.SigningKeyId;

/**
 * Whether an {@code organization-key} claim is proven by something the operator does not control. The key history
 * proves that every key chains, certification by certification, to the organization's first key; what proves that the
 * first key is the organization's, and not one an admin registered with a copy of the handed-over API key and then
 * pinned itself, is the organization's own publication of its fingerprint: an anchor ({@link Anchors}, from a file
 * or fetched from the pin's {@code source}). So a claim is
 *
 * <ul>
 *   <li><b>anchored</b> when the first key's fingerprint is the anchor's;
 *   <li><b>contradicted</b> (a failure, naming the event) when an anchor gives another fingerprint;
 *   <li><b>unanchored</b> otherwise: shown as {@code organization-key (unanchored: pinned by <who> from <source>)},
 *       a failure only with {@code --require-anchors}.
 * </ul>
 *
 * <p>The pin (the admin's {@code SigningKeyPinned}: fingerprint, source, who) is read from the key history
 * by its event name when the history carries it; without it the output says that no pin is on record.
 */
final class AnchorCheck {

    /**
     * The pin's event names: {@code SigningKeyPinned} as published with the key history, and the command service's
     * own {@code SigningKeyFingerprintPinned}, should a history carry that one.
     */
    static final java.util.Set<String> PIN_EVENTS = java.util.Set.of("SigningKeyPinned", "SigningKeyFingerprintPinned");

    static boolean isPin(String eventType) {
        return PIN_EVENTS.contains(VerifyLogCommand.eventName(eventType));
    }

    private record Pin(String fingerprint, String source, String pinnedBy) {}

    /** What one organization's first key is, and how it compares to its anchor. */
    private record Verdict(boolean anchored, boolean contradicted, String text) {}

    private final Anchors anchors;
    private final boolean fetch;
    private final boolean require;
    private final Map<String, Map<String, JsonNode>> registrations = new HashMap<>();
    private final Map<String, Pin> pins = new HashMap<>();
    private final Map<String, Verdict> verdicts = new HashMap<>();
    private final Map<String, Integer> anchoredClaims = new TreeMap<>();
    private final Map<String, String> unanchored = new TreeMap<>();

    AnchorCheck(Anchors anchors, boolean fetch, boolean require) {
        this.anchors = anchors;
        this.fetch = fetch;
        this.require = require;
    }

    /**
     * Learns an organization's keys and pin from its key history, as a receipt carries it ({@code eventType},
     * {@code payload}), in order: the latest pin is the one in force.
     */
    void learn(String organizationId, JsonNode keyEvents) {
        Map<String, JsonNode> keys = registrations.computeIfAbsent(organizationId, id -> new LinkedHashMap<>());
        for (JsonNode event : keyEvents) {
            String name = VerifyLogCommand.eventName(event.path("eventType").asText());
            JsonNode payload = event.path("payload");
            if ("SigningKeyRegistered".equals(name)) {
                keys.putIfAbsent(payload.path("keyId").asText(), payload);
            } else if (PIN_EVENTS.contains(name)) {
                pins.put(
                        organizationId,
                        new Pin(
                                payload.path("fingerprint").asText(""),
                                payload.path("source").asText("?"),
                                payload.path("pinnedBy").asText("?")));
            }
        }
        verdicts.remove(organizationId);
    }

    /**
     * Checks an event whose {@code organization-key} claim its key history proves: adds a failure naming it when an
     * anchor contradicts the first key (or, with {@code --require-anchors}, when there is no anchor), and returns the
     * level as it is to be shown, e.g. {@code organization-key (anchored: ...)}.
     */
    String check(String where, String organizationId, SigningKeyId signer, List<String> failures) {
        Verdict verdict = verdicts.computeIfAbsent(organizationId, id -> judge(id, signer));
        if (verdict.contradicted()) {
            failures.add(where + ": claims organization-key, but " + verdict.text());
        } else if (!verdict.anchored()) {
            unanchored.put(organizationId, verdict.text());
            if (require) {
                failures.add(where + ": claims organization-key, " + verdict.text() + " (--require-anchors)");
            }
        } else {
            anchoredClaims.merge(organizationId, 1, Integer::sum);
        }
        return "organization-key (" + (verdict.anchored() ? "anchored: " : "") + verdict.text() + ")";
    }

    private Verdict judge(String organizationId, SigningKeyId signer) {
        Optional<JsonNode> first = firstKey(organizationId, signer.value());
        if (first.isEmpty()) {
            return new Verdict(false, false, "unanchored: no first key found in the key history");
        }
        String firstKeyId = first.get().path("keyId").asText();
        String fingerprint;
        try {
            fingerprint = Ed25519.fingerprint(first.get().path("publicKey").asText());
        } catch (IllegalArgumentException e) {
            return new Verdict(false, true, "its first key " + firstKeyId + " is no valid Ed25519 key");
        }
        Pin pin = pins.get(organizationId);
        Optional<Anchors.Anchor> anchor = anchors.of(organizationId);
        String whyNotFetched = null;
        if (anchor.isEmpty() && fetch) {
            if (pin == null) {
                whyNotFetched = "no pin on record to fetch from";
            } else {
                Anchors.Fetched fetched = Anchors.fetch(organizationId, pin.fingerprint(), pin.source());
                anchor = fetched.anchor();
                whyNotFetched = fetched.whyNot();
            }
        }
        if (anchor.isPresent()) {
            if (anchor.get().fingerprint().equals(fingerprint)) {
                return new Verdict(
                        true,
                        false,
                        "first key " + firstKeyId + ", fingerprint " + fingerprint + ", is the one " + organizationId
                                + " published at " + anchor.get().source());
            }
            return new Verdict(
                    false,
                    true,
                    "the first key " + firstKeyId + " of " + organizationId + " has fingerprint " + fingerprint
                            + ", and the anchor from " + anchor.get().source() + " says "
                            + anchor.get().fingerprint());
        }
        String pinned = pin == null
                ? "unanchored: no pin on record"
                : "unanchored: pinned by " + pin.pinnedBy() + " from " + pin.source();
        return new Verdict(false, false, whyNotFetched == null ? pinned : pinned + "; " + whyNotFetched);
    }

    /** The key a chain of certifications from {@code keyId} starts from: the one that certified itself. */
    private Optional<JsonNode> firstKey(String organizationId, String keyId) {
        Map<String, JsonNode> keys = registrations.getOrDefault(organizationId, Map.of());
        String current = keyId;
        for (int steps = 0; steps <= keys.size(); steps++) {
            JsonNode key = keys.get(current);
            if (key == null) {
                return Optional.empty();
            }
            JsonNode certification = key.path("certification");
            if (certification.isMissingNode() || certification.isNull()) {
                return Optional.empty(); // a recovery: no first key of the organization's own
            }
            String signer = certification.path("signerKeyId").asText();
            if (signer.equals(current)) {
                return Optional.of(key);
            }
            current = signer;
        }
        return Optional.empty();
    }

    /** What was proven and from what, for the verifier's last lines; empty when no event claimed organization-key. */
    List<String> summary() {
        List<String> lines = new java.util.ArrayList<>();
        anchoredClaims.forEach((organization, count) -> lines.add("organization-key anchored for " + organization + " ("
                + count + " event" + (count == 1 ? "" : "s") + "): "
                + verdicts.get(organization).text()));
        unanchored.forEach((organization, why) -> lines.add("organization-key shown for " + organization + " is " + why
                + ": it rests on the operator's pin, not on the organization's own publication"));
        return lines;
    }
}
