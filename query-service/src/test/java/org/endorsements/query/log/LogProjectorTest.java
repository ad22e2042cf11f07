package org.endorsements.query.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.ApiCredentialIssued;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.KeyHistoryCommitment;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.transparency.LogLeaf;
import org.junit.jupiter.api.Test;

/** The log projector as a plain object over a store in memory: which leaf version each event gets. */
class LogProjectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StatementId STATEMENT = StatementId.of("icc");
    private static final String HASH = "ab".repeat(32);
    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");
    private static final String SIGNATURE = "A".repeat(86) + "==";

    /** The store's contract in memory: states, event indexes and openings, as written. */
    static final class MemoryStore implements LogStore {
        final Map<String, LogState> states = new HashMap<>();
        final Map<String, Long> indexes = new HashMap<>();
        final Map<String, String> openings = new HashMap<>();
        final List<LogWrites.Leaf> leaves = new ArrayList<>();

        @Override
        public Map<String, LogState> states(Set<String> statementIds) {
            return states.entrySet().stream()
                    .filter(e -> statementIds.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        @Override
        public Map<String, Long> eventIndexes(Set<String> eventIds) {
            return indexes.entrySet().stream()
                    .filter(e -> eventIds.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        @Override
        public Map<String, String> openings(Set<String> ids) {
            return openings.entrySet().stream()
                    .filter(e -> ids.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        @Override
        public void write(
                Collection<LogWrites.Leaf> leaves,
                Collection<LogWrites.Node> nodes,
                Map<String, String> openings,
                Collection<LogState> states) {
            this.leaves.addAll(leaves);
            leaves.forEach(leaf -> indexes.put(leaf.eventId(), leaf.index()));
            this.openings.putAll(openings);
            states.forEach(state -> this.states.put(state.statementId(), state));
        }
    }

    private static ProjectedEvent projected(String eventId, long sequence, EndorsementEvent event) {
        return new ProjectedEvent(
                eventId,
                EventMessageFormat.typeOf(event.getClass()),
                "Statement",
                STATEMENT.value(),
                sequence,
                AT,
                0,
                sequence,
                event,
                EventMessageFormat.encode(event));
    }

    private static ActionSignature signature(String nonce) {
        return new ActionSignature(SigningKeyId.of("k1"), HASH, AT, nonce, SIGNATURE);
    }

    private static EndorsementAdded added(String organization, ActionSignature signature) {
        return new EndorsementAdded(
                STATEMENT,
                OrganizationId.of(organization),
                organization,
                HASH,
                AT,
                "credential:c1",
                EndorsementSource.API,
                "r",
                "0f".repeat(32),
                null,
                EndorsementVisibility.DEFAULT,
                signature,
                signature == null ? AssuranceLevel.ORGANIZATION_CREDENTIAL : AssuranceLevel.ORGANIZATION_KEY,
                null);
    }

    private static List<ProjectedEvent> history() {
        return List.of(
                projected("e0", 0, new StatementPublished(STATEMENT, "T", "B", "en", HASH, AT, "admin", null, null)),
                projected("e1", 1, added("unsigned-org", null)),
                projected("e2", 2, added("signing-org", signature("nonce-endorse-0001"))),
                projected(
                        "e3",
                        3,
                        new EndorsementWithdrawn(
                                STATEMENT,
                                OrganizationId.of("signing-org"),
                                null,
                                AT,
                                "credential:c2",
                                "r",
                                signature("nonce-withdraw-001"),
                                AssuranceLevel.ORGANIZATION_KEY)));
    }

    private static final KeyHistoryCommitment KEYS = KeyHistoryCommitment.EMPTY.next(
            new ApiCredentialIssued(OrganizationId.of("signing-org"), "c1", HASH, AT, "admin", null));

    /**
     * The history above, then events recorded since the command side commits to key histories: a signed and an
     * unsigned endorsement and an unsigned withdrawal, each with its organization's commitment.
     */
    private static List<ProjectedEvent> mixedHistory() {
        EndorsementAdded signed = added("committed-org", signature("nonce-endorse-0002"));
        EndorsementAdded unsigned = added("plain-org", null);
        List<ProjectedEvent> events = new java.util.ArrayList<>(history());
        events.add(projected("e4", 4, withKeyHistory(signed, KEYS)));
        events.add(projected("e5", 5, withKeyHistory(unsigned, KeyHistoryCommitment.EMPTY)));
        events.add(projected(
                "e6",
                6,
                new EndorsementWithdrawn(
                        STATEMENT,
                        OrganizationId.of("plain-org"),
                        null,
                        AT,
                        "credential:c3",
                        "r",
                        null,
                        AssuranceLevel.ORGANIZATION_CREDENTIAL,
                        KeyHistoryCommitment.EMPTY)));
        return events;
    }

    private static EndorsementAdded withKeyHistory(EndorsementAdded a, KeyHistoryCommitment keys) {
        return new EndorsementAdded(
                a.statementId(),
                a.organizationId(),
                a.organizationName(),
                a.contentHash(),
                a.endorsedAt(),
                a.actor(),
                a.source(),
                a.requestId(),
                a.signerOpening(),
                a.entryNumber(),
                a.visibility(),
                a.signature(),
                a.assurance(),
                a.readContentHash(),
                keys);
    }

    @Test
    void anEventWithAKeyHistoryCommitmentGetsAVersionThreeLeafCommittingToIt() throws Exception {
        MemoryStore store = new MemoryStore();

        new LogProjector(store).project(mixedHistory());

        assertThat(leaf(store, 4).path(LogLeaf.VERSION_KEY).asInt()).isEqualTo(3);
        assertThat(leaf(store, 4).path("keyId").asText()).isEqualTo("k1");
        assertThat(leaf(store, 4).path("keyHistoryLength").asInt()).isEqualTo(1);
        assertThat(leaf(store, 4).path("keyHistoryDigest").asText()).isEqualTo(KEYS.digest());
        assertThat(new String(store.leaves.get(5).bytes(), StandardCharsets.UTF_8))
                .startsWith("{\"leafVersion\":3,\"eventId\":\"e5\",")
                .endsWith(",\"keyId\":null,\"signatureDigest\":null,\"keyHistoryLength\":0,\"keyHistoryDigest\":\""
                        + KeyHistoryCommitment.EMPTY.digest() + "\"}");
        assertThat(leaf(store, 6).path("type").asText()).isEqualTo("EndorsementWithdrawn");
        assertThat(leaf(store, 6).path(LogLeaf.VERSION_KEY).asInt()).isEqualTo(3);
    }

    @Test
    void aReplayRebuildsTheSameBytesForALogOfVersionOneTwoAndThreeLeaves() {
        MemoryStore first = new MemoryStore();
        MemoryStore replayed = new MemoryStore();

        new LogProjector(first).project(mixedHistory());
        LogProjector again = new LogProjector(replayed);
        mixedHistory().forEach(event -> again.project(List.of(event)));

        assertThat(first.leaves).hasSize(7);
        assertThat(first.leaves.stream()
                        .map(leaf -> new String(leaf.bytes(), StandardCharsets.UTF_8))
                        .map(text -> text.startsWith("{\"leafVersion\":3")
                                ? 3
                                : text.startsWith("{\"leafVersion\":2") ? 2 : 1)
                        .distinct())
                .containsExactlyInAnyOrder(1, 2, 3);
        for (int i = 0; i < first.leaves.size(); i++) {
            assertThat(replayed.leaves.get(i).bytes())
                    .isEqualTo(first.leaves.get(i).bytes());
        }
        assertThat(replayed.states.get("icc").edge())
                .isEqualTo(first.states.get("icc").edge());
    }

    private static JsonNode leaf(MemoryStore store, int index) throws Exception {
        return JSON.readTree(new String(store.leaves.get(index).bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void unsignedEventsKeepVersionOneLeavesAndSignedOnesGetVersionTwo() throws Exception {
        MemoryStore store = new MemoryStore();

        new LogProjector(store).project(history());

        assertThat(leaf(store, 0).has(LogLeaf.VERSION_KEY)).isFalse();
        assertThat(leaf(store, 1).has(LogLeaf.VERSION_KEY)).isFalse();
        assertThat(leaf(store, 1).has("keyId")).isFalse();
        assertThat(leaf(store, 2).path(LogLeaf.VERSION_KEY).asInt()).isEqualTo(2);
        assertThat(leaf(store, 2).path("keyId").asText()).isEqualTo("k1");
        assertThat(leaf(store, 2).path("signatureDigest").asText()).isEqualTo(LogLeaf.signatureDigest(SIGNATURE));
        assertThat(leaf(store, 3).path("type").asText()).isEqualTo("EndorsementWithdrawn");
        assertThat(leaf(store, 3).path(LogLeaf.VERSION_KEY).asInt()).isEqualTo(2);
    }

    @Test
    void aReplayRebuildsTheSameBytesForALogOfBothVersions() {
        MemoryStore first = new MemoryStore();
        MemoryStore replayed = new MemoryStore();

        new LogProjector(first).project(history());
        LogProjector again = new LogProjector(replayed);
        history().forEach(event -> again.project(List.of(event)));

        assertThat(replayed.leaves).hasSameSizeAs(first.leaves);
        for (int i = 0; i < first.leaves.size(); i++) {
            assertThat(replayed.leaves.get(i).bytes())
                    .isEqualTo(first.leaves.get(i).bytes());
        }
        assertThat(replayed.states.get("icc").edge())
                .isEqualTo(first.states.get("icc").edge());
    }

    @Test
    void aSignedWithdrawalIsALeafOfTheTextItsSignatureIsOver() throws Exception {
        String translation = "cd".repeat(32);
        ActionSignature overTranslation =
                new ActionSignature(SigningKeyId.of("k1"), translation, AT, "nonce-withdraw-0002", SIGNATURE);
        MemoryStore store = new MemoryStore();

        new LogProjector(store)
                .project(List.of(
                        projected(
                                "e0",
                                0,
                                new StatementPublished(STATEMENT, "T", "B", "en", HASH, AT, "admin", null, null)),
                        projected("e1", 1, added("signing-org", null)),
                        projected(
                                "e2",
                                2,
                                new EndorsementWithdrawn(
                                        STATEMENT,
                                        OrganizationId.of("signing-org"),
                                        null,
                                        AT,
                                        "credential:c1",
                                        "r",
                                        overTranslation,
                                        AssuranceLevel.ORGANIZATION_KEY))));

        assertThat(leaf(store, 2).path("contentHash").asText()).isEqualTo(translation);
    }

    @Test
    void aSignedEndorsementOfATranslationIsALeafOfTheTextItsSignatureIsOver() throws Exception {
        String translation = "cd".repeat(32);
        ActionSignature overTranslation =
                new ActionSignature(SigningKeyId.of("k1"), translation, AT, "nonce-endorse-0002", SIGNATURE);
        EndorsementAdded added = new EndorsementAdded(
                STATEMENT,
                OrganizationId.of("reader-of-es"),
                "reader-of-es",
                HASH,
                AT,
                "credential:c3",
                EndorsementSource.API,
                "r",
                "0e".repeat(32),
                null,
                EndorsementVisibility.DEFAULT,
                overTranslation,
                AssuranceLevel.ORGANIZATION_KEY,
                translation);
        MemoryStore store = new MemoryStore();

        new LogProjector(store)
                .project(List.of(
                        projected(
                                "e0",
                                0,
                                new StatementPublished(STATEMENT, "T", "B", "en", HASH, AT, "admin", null, null)),
                        projected("e1", 1, added)));

        assertThat(leaf(store, 1).path("contentHash").asText()).isEqualTo(translation);
    }

    private static final String OPENING = "0f".repeat(32);

    /** Endorsed, invalidated by an admin with a reason that names people, then reinstated. */
    private static List<ProjectedEvent> moderated() {
        OrganizationId organization = OrganizationId.of("named-org");
        return List.of(
                projected("e0", 0, new StatementPublished(STATEMENT, "T", "B", "en", HASH, AT, "admin", null, null)),
                projected("e1", 1, added("named-org", null)),
                projected(
                        "e2",
                        2,
                        new EndorsementInvalidated(
                                STATEMENT,
                                organization,
                                InvalidationCategory.FORGED,
                                "Forged by Juan Pérez",
                                AT,
                                "admin:maria",
                                "job-1")),
                projected(
                        "e3",
                        3,
                        new EndorsementReinstated(
                                STATEMENT, organization, "Confirmed by Ana Gómez", AT, "admin:maria", "r")));
    }

    private static String text(MemoryStore store, int index) {
        return new String(store.leaves.get(index).bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void anInvalidationLeafHasTheDocumentedCanonicalFormWithTheEndorsementsCommitment() {
        MemoryStore store = new MemoryStore();

        new LogProjector(store).project(moderated());

        assertThat(text(store, 2))
                .isEqualTo("{\"eventId\":\"e2\",\"type\":\"EndorsementInvalidated\",\"statementId\":\"icc\","
                        + "\"contentHash\":\"" + HASH + "\",\"time\":\"2026-11-01T10:00:00Z\",\"source\":null,"
                        + "\"signer\":\"" + LogLeaf.commitment(OPENING, "named-org") + "\"}");
    }

    @Test
    void aReinstatementLeafHasTheDocumentedCanonicalFormWithTheEndorsementsCommitment() {
        MemoryStore store = new MemoryStore();

        new LogProjector(store).project(moderated());

        assertThat(text(store, 3))
                .isEqualTo("{\"eventId\":\"e3\",\"type\":\"EndorsementReinstated\",\"statementId\":\"icc\","
                        + "\"contentHash\":\"" + HASH + "\",\"time\":\"2026-11-01T10:00:00Z\",\"source\":null,"
                        + "\"signer\":\"" + LogLeaf.commitment(OPENING, "named-org") + "\"}");
    }

    @Test
    void moderationLeavesNameNeitherTheOrganizationNorTheAdminNorTheReasonNorTheCategory() {
        MemoryStore store = new MemoryStore();

        new LogProjector(store).project(moderated());

        for (int index : new int[] {2, 3}) {
            assertThat(text(store, index))
                    .doesNotContain("named-org", "maria", "Juan", "Ana", "forged", "FORGED", "job-1");
        }
    }

    @Test
    void moderationLeavesAreRebuiltByteForByteWhenTheOpeningComesFromTheStore() {
        MemoryStore first = new MemoryStore();
        new LogProjector(first).project(moderated());
        MemoryStore replayed = new MemoryStore();
        LogProjector again = new LogProjector(replayed);

        // Each event in its own batch: the invalidation finds the opening in the store, not in the batch.
        moderated().forEach(event -> again.project(List.of(event)));

        for (int i = 0; i < first.leaves.size(); i++) {
            assertThat(replayed.leaves.get(i).bytes())
                    .isEqualTo(first.leaves.get(i).bytes());
        }
    }

    private static final String AMENDED = "ee".repeat(32);

    /** The history, then the statement amended and signing-org's endorsement renewed and re-confirmed. */
    private static List<ProjectedEvent> reconfirmed(ActionSignature signature) {
        List<ProjectedEvent> events = new java.util.ArrayList<>(history());
        events.add(projected("e4", 4, added("signing-org", signature("nonce-endorse-0003"))));
        events.add(projected(
                "e5",
                5,
                new EndorsementReconfirmed(
                        STATEMENT,
                        OrganizationId.of("signing-org"),
                        AMENDED,
                        AMENDED,
                        HASH,
                        AT,
                        "credential:c2",
                        "r",
                        signature,
                        signature == null ? AssuranceLevel.ORGANIZATION_CREDENTIAL : AssuranceLevel.ORGANIZATION_KEY)));
        return events;
    }

    @Test
    void aSignedReconfirmationIsAVersionTwoLeafOfTheTextItsSignatureIsOver() {
        ActionSignature overAmended =
                new ActionSignature(SigningKeyId.of("k1"), AMENDED, AT, "nonce-reconfirm-01", SIGNATURE);
        MemoryStore store = new MemoryStore();

        new LogProjector(store).project(reconfirmed(overAmended));

        assertThat(text(store, 5))
                .isEqualTo("{\"leafVersion\":2,\"eventId\":\"e5\",\"type\":\"EndorsementReconfirmed\","
                        + "\"statementId\":\"icc\",\"contentHash\":\"" + AMENDED + "\","
                        + "\"time\":\"2026-11-01T10:00:00Z\",\"source\":null,\"signer\":\""
                        + LogLeaf.commitment("0f".repeat(32), "signing-org") + "\",\"keyId\":\"k1\","
                        + "\"signatureDigest\":\"" + LogLeaf.signatureDigest(SIGNATURE) + "\"}");
    }

    @Test
    void anUnsignedReconfirmationIsAVersionOneLeaf() throws Exception {
        MemoryStore store = new MemoryStore();

        new LogProjector(store).project(reconfirmed(null));

        assertThat(leaf(store, 5).path("type").asText()).isEqualTo("EndorsementReconfirmed");
        assertThat(leaf(store, 5).has(LogLeaf.VERSION_KEY)).isFalse();
    }

    @Test
    void reconfirmationLeavesLeaveEveryEarlierLeafByteForByteAndReplayIdentically() {
        MemoryStore before = new MemoryStore();
        MemoryStore with = new MemoryStore();
        MemoryStore replayed = new MemoryStore();
        ActionSignature overAmended =
                new ActionSignature(SigningKeyId.of("k1"), AMENDED, AT, "nonce-reconfirm-01", SIGNATURE);

        new LogProjector(before).project(history());
        new LogProjector(with).project(reconfirmed(overAmended));
        LogProjector again = new LogProjector(replayed);
        reconfirmed(overAmended).forEach(event -> again.project(List.of(event)));

        for (int i = 0; i < before.leaves.size(); i++) {
            assertThat(with.leaves.get(i).bytes())
                    .isEqualTo(before.leaves.get(i).bytes());
        }
        assertThat(replayed.leaves).hasSameSizeAs(with.leaves);
        for (int i = 0; i < with.leaves.size(); i++) {
            assertThat(replayed.leaves.get(i).bytes())
                    .isEqualTo(with.leaves.get(i).bytes());
        }
    }
}
