package org.endorsements.cli.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.endorsements.events.Ed25519;
import org.endorsements.events.KeyHistory;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.SigningKeyPinned;
import org.endorsements.events.SigningKeyRegistered;

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
 * <p>When an anchor exists for the organization, anything but a match is a failure: a first key that cannot be found
 * (or a chain that passes through a recovery) is no more anchored than one with another fingerprint.
 *
 * <p>The first key and the pin (the admin's {@code SigningKeyPinned}: fingerprint, source, who) are read from the key
 * history the claim's leaf was judged by: for a version 3 leaf the entries it commits to
 * ({@link CommittedKeyHistory}), never a list the operator could add to afterwards; that history holds only the
 * organization's own events, and its certifications are verified ({@link KeyHistory#firstKey}). A verdict is kept
 * per first key and pin, since leaves committing to different histories may lead to different ones.
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

    /** What one organization's first key is, and how it compares to its anchor. */
    private record Verdict(boolean anchored, boolean contradicted, String text) {}

    /** What a verdict depends on: the first key (null when none was found) and the pin in force. */
    private record Judged(String organizationId, String firstKeyId, String publicKey, SigningKeyPinned pin) {}

    private final Anchors anchors;
    private final boolean fetch;
    private final boolean require;
    private final Map<Judged, Verdict> verdicts = new HashMap<>();
    private final Map<String, Integer> anchoredClaims = new TreeMap<>();
    private final Map<String, String> anchoredBy = new TreeMap<>();
    private final Map<String, String> unanchored = new TreeMap<>();

    AnchorCheck(Anchors anchors, boolean fetch, boolean require) {
        this.anchors = anchors;
        this.fetch = fetch;
        this.require = require;
    }

    /**
     * Checks an event whose {@code organization-key} claim its key history ({@code keys}, the one its leaf was judged
     * by) proves: adds a failure naming it when an anchor does not match the first key (or, with
     * {@code --require-anchors}, when there is no anchor), and returns the level as it is to be shown, e.g.
     * {@code organization-key (anchored: ...)}.
     */
    String check(String where, KeyHistory keys, SigningKeyId signer, List<String> failures) {
        String organizationId = keys.organizationId().value();
        Optional<SigningKeyRegistered> first = keys.firstKey(signer);
        Judged judged = new Judged(
                organizationId,
                first.map(key -> key.keyId().value()).orElse(null),
                first.map(SigningKeyRegistered::publicKey).orElse(null),
                keys.pin().orElse(null));
        Verdict verdict = verdicts.computeIfAbsent(judged, this::judge);
        if (verdict.contradicted()) {
            failures.add(where + ": claims organization-key, but " + verdict.text());
        } else if (!verdict.anchored()) {
            unanchored.put(organizationId, verdict.text());
            if (require) {
                failures.add(where + ": claims organization-key, " + verdict.text() + " (--require-anchors)");
            }
        } else {
            anchoredClaims.merge(organizationId, 1, Integer::sum);
            anchoredBy.put(organizationId, verdict.text());
        }
        return "organization-key (" + (verdict.anchored() ? "anchored: " : "") + verdict.text() + ")";
    }

    private Verdict judge(Judged judged) {
        String organizationId = judged.organizationId();
        Optional<Anchors.Anchor> published = anchors.of(organizationId);
        if (judged.firstKeyId() == null) {
            return published.isPresent()
                    ? new Verdict(
                            false,
                            true,
                            "no first key of " + organizationId + " is found in the key history, and " + organizationId
                                    + " has an anchor from " + published.get().source())
                    : new Verdict(false, false, "unanchored: no first key found in the key history");
        }
        String firstKeyId = judged.firstKeyId();
        String fingerprint;
        try {
            fingerprint = Ed25519.fingerprint(judged.publicKey());
        } catch (IllegalArgumentException e) {
            return new Verdict(false, true, "its first key " + firstKeyId + " is no valid Ed25519 key");
        }
        SigningKeyPinned pin = judged.pin();
        Optional<Anchors.Anchor> anchor = published;
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

    /** What was proven and from what, for the verifier's last lines; empty when no event claimed organization-key. */
    List<String> summary() {
        List<String> lines = new java.util.ArrayList<>();
        anchoredClaims.forEach((organization, count) -> lines.add("organization-key anchored for " + organization + " ("
                + count + " event" + (count == 1 ? "" : "s") + "): "
                + anchoredBy.get(organization)));
        unanchored.forEach((organization, why) -> lines.add("organization-key shown for " + organization + " is " + why
                + ": it rests on the operator's pin, not on the organization's own publication"));
        return lines;
    }
}
