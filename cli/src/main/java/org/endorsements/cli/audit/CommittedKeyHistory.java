package org.endorsements.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.endorsements.events.ApiCredentialIssued;
import org.endorsements.events.ApiCredentialRevoked;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.KeyHistory;
import org.endorsements.events.KeyHistoryCommitment;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyPinned;
import org.endorsements.events.SigningKeyRegistered;
import org.endorsements.events.SigningKeyRevoked;
import org.endorsements.transparency.LogLeaf;

/**
 * An organization's key history as a receipt or the auditors' history gives it (its key, pin and credential events in
 * the organization's order), held to what the log commits to: a version 3 leaf names how many of those entries there
 * were when its event was recorded and the SHA-256 chain over them ({@link KeyHistoryCommitment}). The verifier
 * recomputes the chain over that many of the entries it was given and fails naming the leaf when it differs (an
 * entry added, changed or removed in a view store), and judges the leaf's signature and level by those entries
 * only, so nothing added later can vouch for it.
 */
final class CommittedKeyHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrganizationId organizationId;
    private final List<EndorsementEvent> entries;
    private final boolean given;

    private CommittedKeyHistory(OrganizationId organizationId, List<EndorsementEvent> entries, boolean given) {
        this.organizationId = organizationId;
        this.entries = entries;
        this.given = given;
    }

    /**
     * Reads the entries ({@code {eventType, payload}} objects, in order); those that are no key-history entry are
     * skipped, an unreadable one is a failure. {@code events} missing (a receipt from before key-history
     * commitments) makes every version 3 leaf fail.
     */
    static CommittedKeyHistory of(OrganizationId organizationId, JsonNode events, List<String> failures)
            throws IOException {
        List<EndorsementEvent> entries = new ArrayList<>();
        boolean given = events != null && events.isArray();
        if (given) {
            for (JsonNode event : events) {
                byte[] payload = JSON.writeValueAsBytes(event.path("payload"));
                try {
                    EndorsementEvent decoded =
                            EventMessageFormat.decode(event.path("eventType").asText(), payload);
                    if (!KeyHistoryCommitment.isEntry(decoded)) {
                        continue;
                    }
                    if (!organizationId.value().equals(decoded.streamKey())) {
                        // Another organization's entry proves nothing about this one's keys or first key.
                        failures.add("key history: an entry is " + decoded.streamKey() + "'s, not "
                                + organizationId.value() + "'s");
                        continue;
                    }
                    entries.add(decoded);
                } catch (EventMessageFormat.UnreadableEventException e) {
                    failures.add("key history: an entry does not read as one of the organization's events");
                }
            }
        }
        return new CommittedKeyHistory(organizationId, List.copyOf(entries), given);
    }

    /**
     * The key history a leaf is to be judged by: for a version 3 leaf, its first {@code keyHistoryLength} entries,
     * once their chain matches the leaf's {@code keyHistoryDigest} (else a failure naming {@code where} and the
     * history it commits to, and null); for an earlier leaf, which commits to no key history, {@code uncommitted}.
     */
    KeyHistory forLeaf(String where, byte[] leafBytes, KeyHistory uncommitted, List<String> failures)
            throws IOException {
        JsonNode leaf = JSON.readTree(new String(leafBytes, StandardCharsets.UTF_8));
        if (leaf.path(LogLeaf.VERSION_KEY).asInt(1) < 3) {
            return uncommitted;
        }
        int length = leaf.path("keyHistoryLength").asInt(-1);
        String digest = leaf.path("keyHistoryDigest").asText("");
        if (!given) {
            failures.add(where + ": the leaf commits to " + length + " key-history entries, none were given");
            return null;
        }
        if (length < 0 || length > entries.size()) {
            failures.add(where + ": the leaf commits to " + length + " key-history entries, only " + entries.size()
                    + " were given");
            return null;
        }
        KeyHistoryCommitment recomputed = KeyHistoryCommitment.of(entries.subList(0, length));
        if (!recomputed.digest().equals(digest)) {
            failures.add(where + ": the key history given differs from the one its leaf commits to (the chain over"
                    + " its first " + length + " entries is " + recomputed.digest() + ", the leaf says " + digest
                    + "): an entry was added, changed or removed");
            return null;
        }
        Instant leafTime = leafTime(leaf);
        for (int i = length; i < entries.size() && leafTime != null; i++) {
            Instant entryTime = time(entries.get(i));
            // An entry recorded well before the leaf was part of the history when the leaf was recorded: a leaf
            // committing to fewer entries commits to an older prefix, e.g. one from before a key's revocation.
            if (entryTime != null && !entryTime.isAfter(leafTime.minus(SignedMessages.RECORDING_DELAY_ALLOWANCE))) {
                failures.add(where + ": the leaf commits to " + length + " key-history entries, but entry "
                        + (i + 1) + " is dated " + entryTime + ", more than "
                        + SignedMessages.RECORDING_DELAY_ALLOWANCE.toSeconds() + " s before the leaf ("
                        + leafTime + "): it commits to an older history than the one it was recorded under");
                return null;
            }
        }
        KeyHistory committed = new KeyHistory(organizationId);
        entries.subList(0, length).forEach(committed::apply);
        return committed;
    }

    private static Instant leafTime(JsonNode leaf) {
        try {
            return Instant.parse(leaf.path("time").asText());
        } catch (RuntimeException e) {
            return null; // a leaf without a valid time fails elsewhere (LeafTimes, the signature's window)
        }
    }

    /** When the platform recorded a key-history entry. */
    private static Instant time(EndorsementEvent entry) {
        if (entry instanceof SigningKeyRegistered registered) {
            return registered.registeredAt();
        } else if (entry instanceof SigningKeyRevoked revoked) {
            return revoked.revokedAt();
        } else if (entry instanceof SigningKeyPinned pinned) {
            return pinned.pinnedAt();
        } else if (entry instanceof ApiCredentialIssued issued) {
            return issued.issuedAt();
        } else if (entry instanceof ApiCredentialRevoked revoked) {
            return revoked.revokedAt();
        }
        return null;
    }
}
