package org.endorsements.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.endorsements.events.SignedMessages;
import org.endorsements.http.ApiClient;
import org.endorsements.transparency.CompactTree;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.LogLeaf;
import org.endorsements.transparency.SignedNote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Checks a statement's log end to end from the public API: every leaf, the recomputed root against the signed
 * checkpoint, the signature against the published key, and the public signatory list and count against the
 * commitments the log says are currently endorsed.
 */
@Command(name = "verify-log", description = "Verifies a statement's log, checkpoint and public signatory list.")
public final class VerifyLogCommand implements Callable<Integer> {

    /**
     * The endorsement events that are leaves of the log, by name (the type without its prefix and version): a
     * name, not a substring, so that {@code InvalidatedEndorsementWithdrawn}, which is no leaf, is not read as a
     * withdrawal.
     */
    private static final java.util.Set<String> LEAF_EVENTS = java.util.Set.of(
            "EndorsementAdded",
            "EndorsementWithdrawn",
            "EndorsementReconfirmed",
            "EndorsementInvalidated",
            "EndorsementReinstated");

    /** The events of an organization's key history, by name: the entries its key-history commitment covers. */
    private static final java.util.Set<String> KEY_HISTORY_EVENTS = java.util.Set.of(
            "SigningKeyRegistered",
            "SigningKeyRevoked",
            "SigningKeyPinned",
            "ApiCredentialIssued",
            "ApiCredentialRevoked");

    /** {@code org.endorsements.EndorsementAdded.v1} → {@code EndorsementAdded}. */
    static String eventName(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 && parts[parts.length - 1].matches("v[0-9]+") ? parts[parts.length - 2] : type;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;

    @Parameters(index = "0", description = "the statement id")
    String statementId;

    @Option(
            names = "--query-url",
            defaultValue = "${env:ENDORSEMENTS_QUERY_URL:-http://127.0.0.1:8081}",
            description = "the query service (default: ${DEFAULT-VALUE})")
    String queryUrl;

    @Option(
            names = "--key",
            description = "the log's verifier key to trust (default: the one the service "
                    + "publishes, which only proves self-consistency; pin the key from the README or a previous run). "
                    + "Repeatable: during a key rotation, any of the keys may have signed.")
    List<String> verifierKeys = new ArrayList<>();

    @Mixin
    Trust trust = new Trust();

    @Mixin
    AnchorOptions anchorOptions = new AnchorOptions();

    @Option(
            names = "--auditor-key",
            defaultValue = "${env:ENDORSEMENTS_AUDITOR_KEY}",
            description = "with an auditor key, also checks every endorsement event of the audit trail")
    String auditorKey;

    /** Organizations the public list names, and those whose signed endorsement in force asked to be counted. */
    private final Set<String> listedOrganizations = new HashSet<>();

    private final Set<String> signedCounted = new HashSet<>();

    /** The level the public list shows for each organization it names (views before levels existed show none). */
    private final Map<String, String> publicLevels = new HashMap<>();

    @Override
    public Integer call() {
        PrintStream out = System.out;
        List<String> failures = new ArrayList<>();
        try {
            ApiClient api = PublicApi.of(queryUrl);
            List<String> keys = !verifierKeys.isEmpty()
                    ? verifierKeys
                    : List.of(api.get("/.well-known/endorsements-log-key")
                            .expect(200)
                            .body()
                            .strip());
            String base = "/api/statements/" + statementId;
            SignedNote.Verified verified =
                    trust.verify(api.get(base + "/log/checkpoint").expect(200).body(), keys);
            SignedNote.Checkpoint checkpoint = verified.checkpoint();
            out.printf(
                    "Checkpoint: size %d, root %s, signature verified with %s; %s%n",
                    checkpoint.size(),
                    Hashes.hex(checkpoint.root()),
                    String.join(
                            " or ",
                            keys.stream().map(k -> k.split("\\+")[0]).distinct().toList()),
                    trust.describe(verified));

            CompactTree tree = new CompactTree();
            Map<String, String> signerByEvent = new HashMap<>();
            Map<String, byte[]> leafByEvent = new HashMap<>();
            Map<String, Long> indexByEvent = new HashMap<>();
            Map<String, Integer> current = new HashMap<>();
            int added = 0;
            int withdrawn = 0;
            int invalidated = 0;
            int reinstated = 0;
            int reconfirmed = 0;
            LeafTimes times = new LeafTimes();
            for (long start = 0; start < checkpoint.size(); start += PAGE) {
                long end = Math.min(checkpoint.size(), start + PAGE);
                JsonNode leaves = api.get(base + "/log/leaves?start=" + start + "&end=" + end)
                        .expect(200)
                        .json()
                        .path("leaves");
                for (JsonNode encoded : leaves) {
                    byte[] bytes = Base64.getDecoder().decode(encoded.asText());
                    tree.append(Hashes.leaf(bytes));
                    JsonNode leaf = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
                    if (!statementId.equals(leaf.path("statementId").asText())) {
                        failures.add("leaf " + (tree.size() - 1) + " belongs to another statement");
                    }
                    times.check(tree.size() - 1, leaf.path("time").asText(null), failures);
                    String signer = leaf.path("signer").asText(null);
                    signerByEvent.put(leaf.path("eventId").asText(), signer);
                    leafByEvent.put(leaf.path("eventId").asText(), bytes);
                    indexByEvent.put(leaf.path("eventId").asText(), tree.size() - 1);
                    switch (leaf.path("type").asText()) {
                        case "EndorsementAdded" -> {
                            added++;
                            current.merge(signer, 1, Integer::sum);
                        }
                        case "EndorsementWithdrawn" -> {
                            withdrawn++;
                            if (current.merge(signer, -1, Integer::sum) == 0) {
                                current.remove(signer);
                            }
                        }
                        // An admin's invalidation takes a signer out of the count as a withdrawal does; a
                        // reinstatement puts it back.
                        case "EndorsementInvalidated" -> {
                            invalidated++;
                            if (current.merge(signer, -1, Integer::sum) == 0) {
                                current.remove(signer);
                            }
                        }
                        case "EndorsementReinstated" -> {
                            reinstated++;
                            current.merge(signer, 1, Integer::sum);
                        }
                        // A re-confirmation moves a counted signer to a newer version: it counts nothing.
                        case "EndorsementReconfirmed" -> reconfirmed++;
                        default -> {}
                    }
                }
                out.printf("\r  leaves %d / %d", end, checkpoint.size());
            }
            out.println();
            if (tree.size() != checkpoint.size()) {
                failures.add(
                        "the service returned " + tree.size() + " leaves for a checkpoint of " + checkpoint.size());
            } else if (!java.util.Arrays.equals(tree.root(), checkpoint.root())) {
                failures.add("the root recomputed from the leaves (" + Hashes.hex(tree.root())
                        + ") differs from the signed checkpoint's (" + Hashes.hex(checkpoint.root()) + ")");
            } else {
                out.println("Root recomputed from every leaf: matches the signed checkpoint.");
            }
            Set<String> endorsed = new HashSet<>(current.keySet());
            out.printf(
                    "The log holds %d endorsements, %d re-confirmations, %d withdrawals, %d invalidations, %d"
                            + " reinstatements, %d currently endorsed signers.%n",
                    added, reconfirmed, withdrawn, invalidated, reinstated, endorsed.size());
            checkPublicList(api, base, endorsed, failures, out);
            boolean auditor = auditorKey != null && !auditorKey.isBlank();
            if (!auditor
                    && (anchorOptions.anchorsFile != null
                            || anchorOptions.fetchAnchors
                            || anchorOptions.requireAnchors)) {
                failures.add("--anchors, --fetch-anchors and --require-anchors need --auditor-key: the key histories"
                        + " they check are in the audit trail");
            }
            if (auditor) {
                checkAuditTrail(
                        api.withKey(auditorKey),
                        base,
                        signerByEvent,
                        leafByEvent,
                        indexByEvent,
                        added + reconfirmed + withdrawn + invalidated + reinstated,
                        failures,
                        out);
            }
        } catch (IOException | IllegalArgumentException e) {
            failures.add(e.getMessage());
        }
        if (failures.isEmpty()) {
            out.println("OK: the log, its checkpoint and the public signatory list agree.");
            return 0;
        }
        failures.forEach(f -> System.err.println("MISMATCH: " + f));
        return 1;
    }

    /**
     * An organization's key history only grows, so along the log the number of entries its version 3 leaves commit
     * to does not decrease: a leaf committing to fewer than an earlier one commits to an older prefix, e.g. one from
     * before a key's revocation, so that the revoked key would still sign. Leaves are given in audit-trail order and
     * judged in log order; a failure names both leaves.
     */
    static final class CommittedLengths {

        private record Committed(String eventId, int length) {}

        private final Map<String, java.util.TreeMap<Long, Committed>> byOrganization = new java.util.TreeMap<>();

        void add(String organizationId, long index, String eventId, byte[] leafBytes) throws IOException {
            JsonNode leaf = JSON.readTree(new String(leafBytes, StandardCharsets.UTF_8));
            if (leaf.path(LogLeaf.VERSION_KEY).asInt(1) < 3
                    || !leaf.path("keyHistoryLength").isInt()) {
                return;
            }
            byOrganization
                    .computeIfAbsent(organizationId, id -> new java.util.TreeMap<>())
                    .put(
                            index,
                            new Committed(eventId, leaf.path("keyHistoryLength").asInt()));
        }

        void check(List<String> failures) {
            byOrganization.forEach((organizationId, leaves) -> {
                Committed longest = null;
                for (Committed committed : leaves.values()) {
                    if (longest != null && committed.length() < longest.length()) {
                        failures.add("the leaf of event " + committed.eventId() + " commits to " + committed.length()
                                + " key-history entries of " + organizationId + ", fewer than the "
                                + longest.length() + " the leaf of event " + longest.eventId()
                                + " before it in the log commits to: an organization's key history only grows");
                    }
                    if (longest == null || committed.length() > longest.length()) {
                        longest = committed;
                    }
                }
            });
        }
    }

    /**
     * A statement's log is appended in the order its events were recorded, so a leaf's time does not precede the one
     * before it: a leaf dated earlier was inserted or back-dated, and a signature's window is checked against its
     * leaf's time, so a back-dated leaf could make a stale signature look fresh. Events of one statement's different
     * aggregates may commit in another order than the one they were stamped in (a command stamps its event before
     * its transaction commits), so an inversion within {@link SignedMessages#RECORDING_DELAY_ALLOWANCE}, the delay
     * the verifiers already allow between a check and its stamp, is tolerated; anything more fails naming the leaf.
     */
    static final class LeafTimes {

        private java.time.Instant latest;
        private long latestIndex = -1;

        void check(long index, String time, List<String> failures) {
            java.time.Instant at;
            try {
                at = java.time.Instant.parse(time);
            } catch (RuntimeException e) {
                failures.add("leaf " + index + " has no valid time");
                return;
            }
            if (latest != null && at.isBefore(latest.minus(SignedMessages.RECORDING_DELAY_ALLOWANCE))) {
                failures.add("leaf " + index + " is dated " + time + ", before leaf " + latestIndex + " (" + latest
                        + "): leaf times do not decrease along a statement's log");
            }
            if (latest == null || at.isAfter(latest)) {
                latest = at;
                latestIndex = index;
            }
        }
    }

    /**
     * Every listed organization's opening must give a currently endorsed commitment, and the counts must agree: the
     * signers listed and those counted without being named (whose openings are never public) are the log's.
     */
    private void checkPublicList(
            ApiClient api, String base, Set<String> endorsed, List<String> failures, PrintStream out)
            throws IOException {
        long publicCount =
                api.get(base).expect(200).json().path("endorsementCount").asLong();
        Set<String> listed = new HashSet<>();
        listedOrganizations.clear();
        publicLevels.clear();
        long countedButHidden = 0;
        for (int page = 0; ; page++) {
            JsonNode list = api.get(base + "/endorsements?size=500&page=" + page)
                    .expect(200)
                    .json();
            countedButHidden = list.path("countedButHidden").asLong(0);
            for (JsonNode signatory : list.path("items")) {
                String organizationId = signatory.path("organizationId").asText();
                String opening = signatory.path("signerOpening").asText("");
                if (opening.length() != 64) {
                    failures.add("listed organization " + organizationId + " has no valid opening");
                    continue;
                }
                String commitment = LogLeaf.commitment(opening, organizationId);
                listed.add(commitment);
                listedOrganizations.add(organizationId);
                if (!signatory.path("assurance").asText("").isEmpty()) {
                    publicLevels.put(organizationId, signatory.path("assurance").asText());
                }
                if (!endorsed.contains(commitment)) {
                    failures.add("listed organization " + organizationId + " is not currently endorsed in the log");
                }
            }
            if (page + 1 >= list.path("totalPages").asLong()) {
                break;
            }
        }
        if (publicCount != endorsed.size()) {
            failures.add("the public count is " + publicCount + " but the log has " + endorsed.size()
                    + " currently endorsed signers");
        }
        if (listed.size() + countedButHidden != endorsed.size()) {
            failures.add("the public list names " + listed.size() + " signers and counts " + countedButHidden
                    + " without naming them, the log has " + endorsed.size());
        }
        if (failures.isEmpty()) {
            out.printf(
                    "Public list: %d signatories, each opening matches a currently endorsed commitment.%n",
                    listed.size());
            if (countedButHidden > 0) {
                out.printf("Counted but not named: %d (their openings are not public).%n", countedButHidden);
            }
        }
    }

    /**
     * With an auditor key: every endorsement event of the audit trail must be a leaf of the log, committing to the
     * organization the trail names (for a withdrawal, with the opening of that organization's endorsement), and
     * every signed one must be committed to by its (version 2) leaf and verify against the organization's key
     * history as the audit trail tells it (a key used before its registration or after its revocation fails).
     */
    private void checkAuditTrail(
            ApiClient auditor,
            String base,
            Map<String, String> signerByEvent,
            Map<String, byte[]> leafByEvent,
            Map<String, Long> indexByEvent,
            int loggedEndorsementEvents,
            List<String> failures,
            PrintStream out)
            throws IOException {
        int events = 0;
        int signed = 0;
        Map<String, Integer> derived = new java.util.TreeMap<>();
        signedCounted.clear();
        Map<String, org.endorsements.events.KeyHistory> keyHistories = new HashMap<>();
        AnchorCheck anchors = anchorOptions.check();
        // The level each organization's endorsement is in force at, as derived, with the event that set it.
        Map<String, InForce> inForce = new HashMap<>();
        // The level of each invalidated endorsement, which a reinstatement counts again.
        Map<String, InForce> invalidated = new HashMap<>();
        Map<String, CommittedKeyHistory> committedHistories = new HashMap<>();
        CommittedLengths committedLengths = new CommittedLengths();
        int before = failures.size();
        Map<String, String> openings = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode history = auditor.get(base + "/history?size=500&page=" + page)
                    .expect(200)
                    .json();
            for (JsonNode entry : history.path("items")) {
                String type = entry.path("type").asText();
                String name = eventName(type);
                boolean addition = name.equals("EndorsementAdded");
                if (name.equals("EndorsementVisibilityChanged")) {
                    // The organization changed its visibility after it signed: its signed choice no longer holds.
                    signedCounted.remove(entry.path("organizationId").asText());
                    continue;
                }
                if (!LEAF_EVENTS.contains(name)) {
                    continue;
                }
                events++;
                String organizationId = entry.path("organizationId").asText();
                JsonNode payload = entry.path("payload");
                if (addition) {
                    openings.put(organizationId, payload.path("signerOpening").asText());
                    checkSignedVisibility(entry.path("eventId").asText(), organizationId, payload, failures);
                }
                String eventId = entry.path("eventId").asText();
                String opening = openings.get(organizationId);
                if (!signerByEvent.containsKey(eventId)) {
                    failures.add(
                            "event " + eventId + " of " + organizationId + " is in the audit trail, not in the log");
                } else if (opening == null
                        || !LogLeaf.commitment(opening, organizationId).equals(signerByEvent.get(eventId))) {
                    failures.add("the log's leaf for event " + eventId + " does not commit to " + organizationId);
                }
                byte[] leaf = leafByEvent.get(eventId);
                if (leaf != null) {
                    org.endorsements.events.KeyHistory keys = keyHistories.get(organizationId);
                    if (keys == null) {
                        keys = keyHistory(auditor, organizationId, committedHistories, failures);
                        keyHistories.put(organizationId, keys);
                    }
                    String where = "the leaf of event " + eventId;
                    committedLengths.add(organizationId, indexByEvent.get(eventId), eventId, leaf);
                    keys = committedHistories.get(organizationId).forLeaf(where, leaf, keys, failures);
                    if (keys == null) {
                        continue;
                    }
                    SignedLeaves.Checked checked = SignedLeaves.check(
                            where,
                            leaf,
                            payload.path("signature"),
                            payload.path("assurance").asText(""),
                            payload.path("actor").asText(null),
                            keys,
                            failures);
                    if (checked.signed()) {
                        signed++;
                    }
                    if (checked.derived() != null) {
                        derived.merge(checked.derived().wireName(), 1, Integer::sum);
                    }
                    VerifyReceiptCommand.levelShown(
                            "the leaf of event " + eventId,
                            keys,
                            payload.path("signature"),
                            payload.path("assurance").asText(""),
                            checked,
                            anchors,
                            failures);
                    track(
                            inForce,
                            invalidated,
                            name,
                            organizationId,
                            eventId,
                            checked,
                            payload.path("assurance").asText(""),
                            failures);
                }
            }
            if (page + 1 >= history.path("totalPages").asLong()) {
                break;
            }
        }
        for (String organizationId : signedCounted) {
            if (listedOrganizations.contains(organizationId)) {
                failures.add("the public list names " + organizationId
                        + ", whose signed endorsement asked to be counted without being named");
            }
        }
        committedLengths.check(failures);
        checkPublicLevels(inForce, failures);
        checkAssuranceCounts(auditor, base, inForce, failures);
        if (events != loggedEndorsementEvents) {
            failures.add("the audit trail has " + events + " endorsement events, the log " + loggedEndorsementEvents);
        }
        if (failures.size() == before) {
            out.printf(
                    "Audit trail: all %d endorsement events are in the log, each committing to its organization; "
                            + "%d signed, each signature verified against its organization's key history; no level"
                            + " claimed above what the key and credential history proves (derived: %s).%n",
                    events, signed, derived);
        }
        anchors.summary().forEach(line -> out.println("Anchors: " + line));
    }

    /**
     * The public counts per level ({@code GET .../assurance}, counted-but-unnamed signatories included) must not
     * claim more than the audit trail proves: for every level, the signatories counted at it or a stronger one are at
     * most those whose endorsement in force proves it or a stronger one.
     */
    private static void checkAssuranceCounts(
            ApiClient api, String base, Map<String, InForce> inForce, List<String> failures) throws IOException {
        org.endorsements.events.AssuranceLevel[] levels = org.endorsements.events.AssuranceLevel.values();
        long[] shown = new long[levels.length];
        for (JsonNode count : api.get(base + "/assurance").expect(200).json()) {
            try {
                shown[
                                org.endorsements.events.AssuranceLevel.fromWire(
                                                count.path("assurance").asText())
                                        .ordinal()] +=
                        count.path("signatories").asLong();
            } catch (IllegalArgumentException e) {
                failures.add("the public counts name an unknown level "
                        + count.path("assurance").asText());
            }
        }
        long[] proven = new long[levels.length];
        inForce.values().forEach(f -> proven[f.level().ordinal()]++);
        long shownAtLeast = 0;
        long provenAtLeast = 0;
        for (int i = 0; i < levels.length; i++) {
            shownAtLeast += shown[i];
            provenAtLeast += proven[i];
            if (shownAtLeast > provenAtLeast) {
                failures.add("the public counts show " + shownAtLeast + " signatories at " + levels[i].wireName()
                        + (i == 0 ? "" : " or stronger") + ", the audit trail proves " + provenAtLeast);
                return;
            }
        }
    }

    /** The level an organization's endorsement is in force at, as its history proves it, and the event that set it. */
    private record InForce(org.endorsements.events.AssuranceLevel level, String eventId) {}

    /**
     * Follows the level each endorsement is in force at: an endorsement or re-confirmation sets it (the weaker of its
     * claim and its derived level), an invalidation suspends it, a reinstatement restores it lowered to what the
     * admin's act vouches for (and checks the reinstatement's own claim against that), a withdrawal ends it.
     */
    private static void track(
            Map<String, InForce> inForce,
            Map<String, InForce> invalidated,
            String name,
            String organizationId,
            String eventId,
            SignedLeaves.Checked checked,
            String claimed,
            List<String> failures) {
        switch (name) {
            case "EndorsementAdded", "EndorsementReconfirmed" -> {
                if (checked.derived() != null) {
                    inForce.put(organizationId, new InForce(SignedLeaves.inForce(checked, claimed), eventId));
                }
            }
            // An invalidation takes the endorsement out of the count; a reinstatement counts it again as it was.
            case "EndorsementInvalidated" -> {
                InForce level = inForce.remove(organizationId);
                if (level != null) {
                    invalidated.put(organizationId, level);
                }
            }
            case "EndorsementReinstated" -> {
                InForce before = invalidated.remove(organizationId);
                inForce.put(
                        organizationId,
                        new InForce(
                                SignedLeaves.reinstated(
                                        "the leaf of event " + eventId,
                                        claimed,
                                        before == null ? null : before.level(),
                                        failures),
                                eventId));
            }
            default -> {
                inForce.remove(organizationId);
                invalidated.remove(organizationId);
            }
        }
    }

    /**
     * The public list shows a level per endorsement: none may be higher than the level the audit trail and the
     * organization's key history prove for the endorsement in force (an operator could otherwise print
     * organization-key next to a name whose events prove less).
     */
    private void checkPublicLevels(Map<String, InForce> inForce, List<String> failures) {
        publicLevels.forEach((organizationId, shown) -> {
            InForce proven = inForce.get(organizationId);
            if (proven == null) {
                return; // a listed organization without an endorsement in force fails the list check already
            }
            org.endorsements.events.AssuranceLevel level;
            try {
                level = org.endorsements.events.AssuranceLevel.fromWire(shown);
            } catch (IllegalArgumentException e) {
                failures.add("the public list shows " + organizationId + " at an unknown level " + shown);
                return;
            }
            if (level.ordinal() < proven.level().ordinal()) {
                failures.add("the public list shows " + organizationId + " at " + shown
                        + ", but its endorsement in force (event " + proven.eventId() + ") proves at most "
                        + proven.level().wireName());
            }
        });
    }

    /**
     * An endorsement signed over a version 2 message names the visibility its organization asked for: the audit trail
     * must record that one, and a signer that asked to be counted must not be named publicly (unless the
     * organization changed its visibility later, which the audit trail shows).
     */
    private void checkSignedVisibility(String eventId, String organizationId, JsonNode payload, List<String> failures) {
        JsonNode signedVisibility = payload.path("signature").path("visibility");
        if (signedVisibility.isMissingNode() || signedVisibility.isNull()) {
            signedCounted.remove(organizationId);
            return;
        }
        String recorded = payload.path("visibility").asText("public");
        if (!signedVisibility.asText().equals(recorded)) {
            failures.add("event " + eventId + " of " + organizationId + " records visibility " + recorded
                    + " but its signature asked for " + signedVisibility.asText());
        }
        if ("counted".equals(signedVisibility.asText())) {
            signedCounted.add(organizationId);
        } else {
            signedCounted.remove(organizationId);
        }
    }

    /**
     * The organization's signing-key and credential events, from its audit history, in their order; its whole key
     * history (pins included, in the organization's order) goes into {@code committed}, which version 3 leaves are
     * checked against.
     */
    private static org.endorsements.events.KeyHistory keyHistory(
            ApiClient auditor, String organizationId, Map<String, CommittedKeyHistory> committed, List<String> failures)
            throws IOException {
        List<JsonNode> ordered = new ArrayList<>();
        com.fasterxml.jackson.databind.node.ObjectNode keys = JSON.createObjectNode();
        keys.put("organizationId", organizationId);
        com.fasterxml.jackson.databind.node.ArrayNode events = keys.putArray("signingKeys");
        com.fasterxml.jackson.databind.node.ArrayNode credentials = keys.putArray("credentials");
        for (int page = 0; ; page++) {
            JsonNode history = auditor.get("/api/organizations/" + organizationId + "/history?size=500&page=" + page)
                    .expect(200)
                    .json();
            for (JsonNode entry : history.path("items")) {
                String type = entry.path("type").asText();
                String name = eventName(type);
                if (KEY_HISTORY_EVENTS.contains(name)) {
                    com.fasterxml.jackson.databind.node.ObjectNode item = JSON.createObjectNode();
                    item.put("eventType", type)
                            .put("sequence", entry.path("sequence").asLong());
                    item.set("payload", entry.path("payload"));
                    ordered.add(item);
                }
                if (name.equals("SigningKeyRegistered")
                        || name.equals("SigningKeyRevoked")
                        || AnchorCheck.PIN_EVENTS.contains(name)) {
                    events.addObject().put("eventType", type).set("payload", entry.path("payload"));
                } else if (type.contains("ApiCredentialIssued") || type.contains("ApiCredentialRevoked")) {
                    credentials.addObject().put("eventType", type).set("payload", entry.path("payload"));
                }
            }
            if (page + 1 >= history.path("totalPages").asLong()) {
                break;
            }
        }
        // The history pages by time; a commitment is over the organization's own order (its aggregate's sequence),
        // which a rotation's revocation and issue at one instant would otherwise leave to chance.
        ordered.sort(java.util.Comparator.comparingLong(e -> e.path("sequence").asLong()));
        committed.put(
                organizationId,
                CommittedKeyHistory.of(
                        org.endorsements.events.OrganizationId.of(organizationId),
                        JSON.valueToTree(ordered),
                        failures));
        return SignedLeaves.keyHistory(keys, failures);
    }
}
