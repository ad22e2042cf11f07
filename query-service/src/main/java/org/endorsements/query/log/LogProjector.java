package org.endorsements.query.log;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.KeyHistoryCommitment;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.transparency.CompactTree;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.LogLeaf;

/**
 * Appends each statement event, in its per-statement order, as a leaf to that statement's Merkle log (RFC 6962):
 * one more projection of the topic, so anyone who replays the topic rebuilds the same trees. An organization is
 * named in no leaf: a leaf carries the signer commitment SHA-256(opening ‖ organization id).
 */
public class LogProjector {

    private final LogStore store;

    public LogProjector(LogStore store) {
        this.store = store;
    }

    public void project(List<ProjectedEvent> batch) {
        List<ProjectedEvent> events =
                batch.stream().filter(e -> isLogged(e.event())).toList();
        if (events.isEmpty()) {
            return;
        }
        Set<String> statementIds = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        Set<String> signerIds = new HashSet<>();
        for (ProjectedEvent e : events) {
            statementIds.add(e.event().streamKey());
            eventIds.add(e.eventId());
            if (e.event() instanceof EndorsementWithdrawn w) {
                signerIds.add(new EndorsementId(w.statementId(), w.organizationId()).value());
            } else if (e.event() instanceof EndorsementInvalidated i) {
                signerIds.add(new EndorsementId(i.statementId(), i.organizationId()).value());
            } else if (e.event() instanceof EndorsementReinstated r) {
                signerIds.add(new EndorsementId(r.statementId(), r.organizationId()).value());
            } else if (e.event() instanceof EndorsementReconfirmed c) {
                signerIds.add(new EndorsementId(c.statementId(), c.organizationId()).value());
            }
        }
        Map<String, LogState> states = new LinkedHashMap<>(store.states(statementIds));
        Map<String, Long> appended = store.eventIndexes(eventIds);
        Map<String, String> openings = new HashMap<>(store.openings(signerIds));
        Map<String, String> newOpenings = new HashMap<>();
        Map<String, CompactTree> trees = new HashMap<>();
        List<LogWrites.Leaf> leaves = new ArrayList<>();
        List<LogWrites.Node> nodes = new ArrayList<>();
        Map<String, LogState> changed = new LinkedHashMap<>();
        for (ProjectedEvent e : events) {
            String statementId = e.event().streamKey();
            LogState state = states.getOrDefault(statementId, LogState.empty(statementId));
            Long index = appended.get(e.eventId());
            if (index != null && index < state.size()) {
                continue;
            }
            CompactTree tree = trees.computeIfAbsent(
                    statementId,
                    k -> new CompactTree(
                            state.size(),
                            state.edge().stream().map(Hashes::fromHex).toList()));
            String contentHash = state.contentHash();
            if (e.event() instanceof StatementPublished p) {
                contentHash = p.contentHash();
            }
            LogLeaf leaf = leaf(e, contentHash, openings, newOpenings);
            byte[] bytes = leaf.canonicalBytes();
            long leafIndex = tree.size();
            for (CompactTree.Node node : tree.append(Hashes.leaf(bytes))) {
                nodes.add(new LogWrites.Node(statementId, node.level(), node.index(), Hashes.hex(node.hash())));
            }
            leaves.add(new LogWrites.Leaf(statementId, leafIndex, bytes, Hashes.hex(Hashes.leaf(bytes)), e.eventId()));
            appended.put(e.eventId(), leafIndex);
            LogState next = new LogState(
                    statementId,
                    tree.size(),
                    tree.edge().stream().map(Hashes::hex).toList(),
                    contentHash);
            states.put(statementId, next);
            changed.put(statementId, next);
        }
        if (!changed.isEmpty()) {
            store.write(leaves, nodes, newOpenings, changed.values());
        }
    }

    private static LogLeaf leaf(
            ProjectedEvent e, String contentHash, Map<String, String> openings, Map<String, String> newOpenings) {
        String time = DateTimeFormatter.ISO_INSTANT.format(e.time());
        EndorsementEvent event = e.event();
        String statementId = event.streamKey();
        if (event instanceof EndorsementAdded a) {
            String key = new EndorsementId(a.statementId(), a.organizationId()).value();
            openings.put(key, a.signerOpening());
            newOpenings.put(key, a.signerOpening());
            // The text the signer read, which is what a signature is over: the version's own text unless the
            // signer read a translation of it (whose link to the version is the statement's StatementTranslationAdded).
            return new LogLeaf(
                    e.eventId(),
                    "EndorsementAdded",
                    statementId,
                    a.readContentHash(),
                    time,
                    a.source().wireName(),
                    LogLeaf.commitment(a.signerOpening(), a.organizationId().value()),
                    keyIdOf(a.signature()),
                    digestOf(a.signature()),
                    lengthOf(a.keyHistory()),
                    digestOf(a.keyHistory()));
        }
        if (event instanceof EndorsementWithdrawn w) {
            String opening = openings.get(new EndorsementId(w.statementId(), w.organizationId()).value());
            // A signed withdrawal is over the text its signer named (the version in force, or a translation of
            // it), which is what verifiers check its signature against; an unsigned one names the statement's.
            return new LogLeaf(
                    e.eventId(),
                    "EndorsementWithdrawn",
                    statementId,
                    w.signature() == null ? contentHash : w.signature().contentHash(),
                    time,
                    null,
                    opening == null
                            ? null
                            : LogLeaf.commitment(opening, w.organizationId().value()),
                    keyIdOf(w.signature()),
                    digestOf(w.signature()),
                    lengthOf(w.keyHistory()),
                    digestOf(w.keyHistory()));
        }
        // A re-confirmation moves the organization's signature to a newer version: which version it signed is
        // what the log proves, so it is a leaf, over the text its signer read (the one a signature is over), and a
        // version 2 leaf when signed. It has no source: only the organization itself re-confirms, through the API.
        if (event instanceof EndorsementReconfirmed c) {
            return new LogLeaf(
                    e.eventId(),
                    "EndorsementReconfirmed",
                    statementId,
                    c.readContentHash() == null ? c.contentHash() : c.readContentHash(),
                    time,
                    null,
                    commitment(openings, c.statementId(), c.organizationId()),
                    keyIdOf(c.signature()),
                    digestOf(c.signature()),
                    lengthOf(c.keyHistory()),
                    digestOf(c.keyHistory()));
        }
        // Moderation is in the log as withdrawals are: the signer's commitment, no source, no signature. An
        // invalidation is the admin's act alone and commits to no key history; a reinstatement counts the
        // organization's endorsement again, so its leaf fixes the key history that endorsement is judged by.
        if (event instanceof EndorsementInvalidated i) {
            return new LogLeaf(
                    e.eventId(),
                    "EndorsementInvalidated",
                    statementId,
                    contentHash,
                    time,
                    null,
                    commitment(openings, i.statementId(), i.organizationId()));
        }
        if (event instanceof EndorsementReinstated r) {
            return new LogLeaf(
                    e.eventId(),
                    "EndorsementReinstated",
                    statementId,
                    contentHash,
                    time,
                    null,
                    commitment(openings, r.statementId(), r.organizationId()),
                    null,
                    null,
                    lengthOf(r.keyHistory()),
                    digestOf(r.keyHistory()));
        }
        String type = event instanceof StatementPublished ? "StatementPublished" : "StatementClosed";
        return new LogLeaf(e.eventId(), type, statementId, contentHash, time, null, null);
    }

    private static String commitment(
            Map<String, String> openings, StatementId statementId, OrganizationId organizationId) {
        String opening = openings.get(new EndorsementId(statementId, organizationId).value());
        return opening == null ? null : LogLeaf.commitment(opening, organizationId.value());
    }

    /** Signed events get a version 2 leaf, committing to the signature; unsigned ones keep version 1. */
    private static String keyIdOf(ActionSignature signature) {
        return signature == null ? null : signature.keyId().value();
    }

    private static String digestOf(ActionSignature signature) {
        return signature == null ? null : LogLeaf.signatureDigest(signature.value());
    }

    /**
     * An event that carries its organization's key-history commitment gets a version 3 leaf, committing to it, so
     * a checkpoint fixes the key history its signature and level are judged by; events recorded before keep their
     * version 1 or 2 form, so a replay rebuilds every earlier leaf byte for byte.
     */
    private static Integer lengthOf(KeyHistoryCommitment keyHistory) {
        return keyHistory == null ? null : keyHistory.length();
    }

    private static String digestOf(KeyHistoryCommitment keyHistory) {
        return keyHistory == null ? null : keyHistory.digest();
    }

    private static boolean isLogged(EndorsementEvent event) {
        return event instanceof StatementPublished
                || event instanceof StatementClosed
                || event instanceof EndorsementAdded
                || event instanceof EndorsementWithdrawn
                || event instanceof EndorsementReconfirmed
                || event instanceof EndorsementInvalidated
                || event instanceof EndorsementReinstated;
    }
}
