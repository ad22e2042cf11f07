package org.endorsements.query.log.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.bearer;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.endorsements.events.ApiCredentialIssued;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementVisibilityChanged;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.InvalidatedEndorsementWithdrawn;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SigningKeyRegistered;
import org.endorsements.events.StatementId;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.audit.AuditTrail;
import org.endorsements.query.log.persistence.MongoLogStore;
import org.endorsements.query.support.QueryWebSlice;
import org.endorsements.transparency.Hashes;
import org.endorsements.transparency.ProofVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(controllers = ReceiptController.class)
@QueryWebSlice
class ReceiptControllerSliceTest {

    private static final String ORGANIZATION = QueryWebSlice.ORGANIZATION;
    private static final String RECEIPT = "/api/statements/clean-air/receipts/" + ORGANIZATION;
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    AuditTrail audit;

    @MockitoBean
    MongoLogStore logs;

    private final byte[] first = "endorsed".getBytes(StandardCharsets.UTF_8);
    private final byte[] second = "withdrawn".getBytes(StandardCharsets.UTF_8);

    private AuditEntry event(String id, String type, long sequence) {
        return new AuditEntry(
                id,
                type,
                "clean-air",
                ORGANIZATION,
                "credential:c1",
                AT,
                AT,
                "Endorsement",
                EndorsementId.of("clean-air", ORGANIZATION).value(),
                sequence,
                0,
                sequence,
                new Document());
    }

    /** The organization endorsed, then withdrew: two leaves, both in a signed checkpoint of size two. */
    @BeforeEach
    void anEndorsementAndAWithdrawalInASignedCheckpoint() {
        String aggregate = EndorsementId.of("clean-air", ORGANIZATION).value();
        AuditEntry endorsed = event("event-1", "EndorsementAdded", 1);
        AuditEntry withdrawn = event("event-2", "EndorsementWithdrawn", 2);
        when(audit.latestOfAggregate(aggregate)).thenReturn(Optional.of(withdrawn));
        when(audit.allOfAggregate(aggregate)).thenReturn(List.of(endorsed, withdrawn));
        when(logs.eventIndex("clean-air", "event-1")).thenReturn(Optional.of(0L));
        when(logs.eventIndex("clean-air", "event-2")).thenReturn(Optional.of(1L));
        when(logs.checkpoint("clean-air")).thenReturn(Optional.of(new Document("size", 2L).append("note", "note")));
        byte[] left = Hashes.leaf(first);
        byte[] right = Hashes.leaf(second);
        when(logs.nodes("clean-air"))
                .thenReturn((level, index) -> level == 0 ? (index == 0 ? left : right) : Hashes.node(left, right));
        when(logs.leaves("clean-air", 0, 1)).thenReturn(List.of(first));
        when(logs.leaves("clean-air", 1, 2)).thenReturn(List.of(second));
        when(logs.opening("clean-air", ORGANIZATION)).thenReturn(Optional.of("the-opening"));
    }

    private static String key(String key) {
        return bearer(key);
    }

    @Test
    void anOrganizationsReceiptProvesItsLatestEventAndItsHistoryAgainstOneCheckpoint() throws Exception {
        MvcTestResult result = mvc.get()
                .uri(RECEIPT)
                .header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY))
                .exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"statementId": "clean-air", "organizationId": "%s", "opening": "the-opening",
                 "eventType": "EndorsementWithdrawn", "leafIndex": 1, "treeSize": 2, "checkpoint": "note",
                 "history": [{"eventType": "EndorsementAdded", "leafIndex": 0},
                             {"eventType": "EndorsementWithdrawn", "leafIndex": 1}]}""".formatted(ORGANIZATION));
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<byte[]> proof = JsonPath.<List<String>>read(body, "$.inclusionProof").stream()
                .map(Base64.getDecoder()::decode)
                .toList();
        byte[] root = Hashes.node(Hashes.leaf(first), Hashes.leaf(second));
        assertThat(ProofVerifier.verifyInclusion(Hashes.leaf(second), 1, 2, proof, root))
                .isTrue();
        assertThat(Base64.getDecoder().decode(JsonPath.<String>read(body, "$.leaf")))
                .isEqualTo(second);
    }

    @Test
    void aReceiptCarriesTheSignatureTheAssuranceAndTheOrganizationsKeyHistory() {
        String aggregate = EndorsementId.of("clean-air", ORGANIZATION).value();
        String value = "A".repeat(86) + "==";
        Document signature = new Document("keyId", "k1")
                .append("contentHash", "ab".repeat(32))
                .append("signedAt", "2026-03-01T10:00:00Z")
                .append("nonce", "nonce-0123456789")
                .append("value", value);
        AuditEntry signed = new AuditEntry(
                "event-2",
                EventMessageFormat.typeOf(EndorsementWithdrawn.class),
                "clean-air",
                ORGANIZATION,
                "credential:c1",
                AT,
                AT,
                "Endorsement",
                aggregate,
                2,
                0,
                2,
                new Document("statementId", "clean-air")
                        .append("organizationId", ORGANIZATION)
                        .append("withdrawnAt", AT.toString())
                        .append("actor", "credential:c1")
                        .append("requestId", "r")
                        .append("assurance", "organization-key")
                        .append("signature", signature));
        AuditEntry key = new AuditEntry(
                "event-k",
                EventMessageFormat.typeOf(SigningKeyRegistered.class),
                null,
                ORGANIZATION,
                "credential:c1",
                AT,
                AT,
                "Organization",
                ORGANIZATION,
                3,
                0,
                3,
                new Document("keyId", "k1").append("publicKey", "the-public-key"));
        when(audit.latestOfAggregate(aggregate)).thenReturn(Optional.of(signed));
        when(audit.allOfAggregate(aggregate)).thenReturn(List.of(event("event-1", "EndorsementAdded", 1), signed));
        when(audit.allOfAggregate(ORGANIZATION))
                .thenReturn(List.of(event("event-r", "OrganizationRegistered", 0), key));

        assertThat(mvc.get().uri(RECEIPT).header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"assurance": "organization-key", "signature": {"keyId": "k1", "value": "%s"},
                         "history": [{"leafIndex": 0}, {"leafIndex": 1, "assurance": "organization-key"}],
                         "signingKeys": [{"eventType": "org.endorsements.SigningKeyRegistered.v1",
                                          "payload": {"keyId": "k1", "publicKey": "the-public-key"}}]}""".formatted(value));
    }

    /** An event of the endorsement as the audit trail stores it: its type and its payload as on the topic. */
    private static AuditEntry stored(String id, long sequence, EndorsementEvent event) {
        return new AuditEntry(
                id,
                EventMessageFormat.typeOf(event.getClass()),
                "clean-air",
                ORGANIZATION,
                "admin",
                AT,
                AT,
                "Endorsement",
                EndorsementId.of("clean-air", ORGANIZATION).value(),
                sequence,
                0,
                sequence,
                Document.parse(new String(EventMessageFormat.encode(event), StandardCharsets.UTF_8)));
    }

    /** Endorsed (leaf 0), invalidated by an admin (leaf 1), then reinstated (leaf 2), all in a checkpoint of three. */
    private void anEndorsementInvalidatedAndReinstated(boolean reinstated) {
        anEndorsementInvalidatedAndReinstated(reinstated, null);
    }

    /** As above, the reinstatement recording {@code levelAfter} (revision 2), or none (revision 1) when null. */
    private void anEndorsementInvalidatedAndReinstated(boolean reinstated, AssuranceLevel levelAfter) {
        String aggregate = EndorsementId.of("clean-air", ORGANIZATION).value();
        StatementId statement = StatementId.of("clean-air");
        OrganizationId organization = OrganizationId.of(ORGANIZATION);
        AuditEntry endorsed = stored(
                "event-1",
                1,
                new EndorsementAdded(
                        statement,
                        organization,
                        "Org",
                        "ab".repeat(32),
                        AT,
                        "credential:c1",
                        EndorsementSource.API,
                        "r",
                        "0f".repeat(32),
                        null,
                        EndorsementVisibility.DEFAULT,
                        null,
                        AssuranceLevel.ORGANIZATION_CREDENTIAL,
                        null));
        AuditEntry invalidated = stored(
                "event-2",
                2,
                new EndorsementInvalidated(
                        statement, organization, InvalidationCategory.FORGED, "forged", AT, "admin", "job-1"));
        AuditEntry reinstatement = stored(
                "event-3",
                3,
                new EndorsementReinstated(statement, organization, "genuine", AT, "admin", "r", levelAfter));
        List<AuditEntry> events =
                reinstated ? List.of(endorsed, invalidated, reinstatement) : List.of(endorsed, invalidated);
        when(audit.latestOfAggregate(aggregate)).thenReturn(Optional.of(events.get(events.size() - 1)));
        when(audit.allOfAggregate(aggregate)).thenReturn(events);
        when(logs.eventIndex("clean-air", "event-3")).thenReturn(Optional.of(2L));
        byte[] third = "reinstated".getBytes(StandardCharsets.UTF_8);
        byte[] left = Hashes.leaf(first);
        byte[] right = Hashes.leaf(second);
        when(logs.nodes("clean-air"))
                .thenReturn((level, index) -> level == 1
                        ? Hashes.node(left, right)
                        : Hashes.leaf(index == 0 ? first : index == 1 ? second : third));
        when(logs.leaves("clean-air", 2, 3)).thenReturn(List.of(third));
        when(logs.checkpoint("clean-air")).thenReturn(Optional.of(new Document("size", 3L).append("note", "note")));
    }

    @Test
    void anInvalidatedEndorsementItsOrganizationWithdrewStillHasAReceiptOfItsLatestLeaf() {
        anEndorsementInvalidatedAndReinstated(false);
        String aggregate = EndorsementId.of("clean-air", ORGANIZATION).value();
        List<AuditEntry> invalidatedHistory = audit.allOfAggregate(aggregate);
        AuditEntry withdrawn = stored(
                "event-4",
                3,
                new InvalidatedEndorsementWithdrawn(
                        StatementId.of("clean-air"),
                        OrganizationId.of(ORGANIZATION),
                        null,
                        AT,
                        "credential:c1",
                        "r2",
                        null,
                        AssuranceLevel.ORGANIZATION_CREDENTIAL));
        List<AuditEntry> events = new java.util.ArrayList<>(invalidatedHistory);
        events.add(withdrawn);
        when(audit.latestOfAggregate(aggregate)).thenReturn(Optional.of(withdrawn));
        when(audit.allOfAggregate(aggregate)).thenReturn(events);

        assertThat(mvc.get().uri(RECEIPT).header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"eventType": "org.endorsements.EndorsementInvalidated.v1", "leafIndex": 1, "treeSize": 3}""");
    }

    @Test
    void theReceiptOfAnInvalidatedEndorsementProvesTheInvalidationAndItsHistory() throws Exception {
        anEndorsementInvalidatedAndReinstated(false);

        MvcTestResult result = mvc.get()
                .uri(RECEIPT)
                .header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY))
                .exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"opening": "the-opening", "eventType": "org.endorsements.EndorsementInvalidated.v1", "leafIndex": 1,
                 "treeSize": 3,
                 "history": [{"eventType": "org.endorsements.EndorsementAdded.v2", "leafIndex": 0,
                              "assurance": "organization-credential"},
                             {"eventType": "org.endorsements.EndorsementInvalidated.v1", "leafIndex": 1}]}""");
        // An admin's decision is not the organization's: no assurance level, no signature.
        assertThat(result)
                .bodyJson()
                .doesNotHavePath("$.assurance")
                .doesNotHavePath("$.signature")
                .doesNotHavePath("$.history[1].assurance")
                .doesNotHavePath("$.history[1].signature");
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<byte[]> proof = JsonPath.<List<String>>read(body, "$.inclusionProof").stream()
                .map(Base64.getDecoder()::decode)
                .toList();
        byte[] root = Hashes.node(
                Hashes.node(Hashes.leaf(first), Hashes.leaf(second)),
                Hashes.leaf("reinstated".getBytes(StandardCharsets.UTF_8)));
        assertThat(ProofVerifier.verifyInclusion(Hashes.leaf(second), 1, 3, proof, root))
                .isTrue();
    }

    @Test
    void theReceiptOfAReinstatedEndorsementProvesTheReinstatementAfterTheInvalidation() throws Exception {
        anEndorsementInvalidatedAndReinstated(true);

        MvcTestResult result = mvc.get()
                .uri(RECEIPT)
                .header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY))
                .exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"eventType": "org.endorsements.EndorsementReinstated.v1", "leafIndex": 2, "treeSize": 3,
                 "history": [{"leafIndex": 0}, {"eventType": "org.endorsements.EndorsementInvalidated.v1",
                              "leafIndex": 1}, {"eventType": "org.endorsements.EndorsementReinstated.v1",
                              "leafIndex": 2}]}""");
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<byte[]> proof = JsonPath.<List<String>>read(body, "$.inclusionProof").stream()
                .map(Base64.getDecoder()::decode)
                .toList();
        byte[] third = "reinstated".getBytes(StandardCharsets.UTF_8);
        byte[] root = Hashes.node(Hashes.node(Hashes.leaf(first), Hashes.leaf(second)), Hashes.leaf(third));
        assertThat(ProofVerifier.verifyInclusion(Hashes.leaf(third), 2, 3, proof, root))
                .isTrue();
        assertThat(Base64.getDecoder().decode(JsonPath.<String>read(body, "$.leaf")))
                .isEqualTo(third);
    }

    /** Counted again by the admin's act: from then on the endorsement reads the level the reinstatement recorded. */
    @Test
    void theReceiptOfAReinstatedEndorsementShowsTheLevelTheReinstatementRecorded() {
        anEndorsementInvalidatedAndReinstated(true, AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);

        assertThat(mvc.get().uri(RECEIPT).header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"eventType": "org.endorsements.EndorsementReinstated.v1",
                         "assurance": "admin-issued-credential",
                         "history": [{"leafIndex": 0, "assurance": "organization-credential"}, {"leafIndex": 1},
                                     {"leafIndex": 2, "assurance": "admin-issued-credential"}]}""");
    }

    @Test
    void aReconfirmationIsTheLatestLeafAndAVisibilityChangeAfterItIsNone() {
        String aggregate = EndorsementId.of("clean-air", ORGANIZATION).value();
        String reconfirmed = EventMessageFormat.typeOf(EndorsementReconfirmed.class);
        when(audit.allOfAggregate(aggregate))
                .thenReturn(List.of(
                        event("event-1", "EndorsementAdded", 1),
                        event("event-2", reconfirmed, 2),
                        event("event-3", EventMessageFormat.typeOf(EndorsementVisibilityChanged.class), 3)));

        assertThat(mvc.get().uri(RECEIPT).header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"eventType": "%s", "leafIndex": 1,
                         "history": [{"leafIndex": 0}, {"eventType": "%s", "leafIndex": 1}]}""".formatted(reconfirmed, reconfirmed));
    }

    @Test
    void aReceiptCarriesEachEventsActorAndTheOrganizationsCredentialEvents() {
        AuditEntry issued = new AuditEntry(
                "event-c",
                EventMessageFormat.typeOf(ApiCredentialIssued.class),
                null,
                ORGANIZATION,
                "admin",
                AT,
                AT,
                "Organization",
                ORGANIZATION,
                1,
                0,
                1,
                new Document("credentialId", "c1").append("issuedBy", "admin"));
        when(audit.allOfAggregate(ORGANIZATION))
                .thenReturn(List.of(event("event-r", "OrganizationRegistered", 0), issued));

        assertThat(mvc.get().uri(RECEIPT).header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"credentials": [{"eventType": "org.endorsements.ApiCredentialIssued.v1",
                                          "payload": {"credentialId": "c1", "issuedBy": "admin"}}]}""");
    }

    /** An organization event of the audit trail: its type and payload as on the topic, at its place in the order. */
    private static AuditEntry organizationEvent(String id, long sequence, EndorsementEvent event) {
        return new AuditEntry(
                id,
                EventMessageFormat.typeOf(event.getClass()),
                null,
                ORGANIZATION,
                "admin",
                AT,
                AT,
                "Organization",
                ORGANIZATION,
                sequence,
                0,
                sequence,
                Document.parse(new String(EventMessageFormat.encode(event), StandardCharsets.UTF_8)));
    }

    @Test
    void aReceiptCarriesTheOrganizationsWholeKeyHistoryInItsOrderPinIncluded() {
        OrganizationId org = OrganizationId.of(ORGANIZATION);
        when(audit.allOfAggregate(ORGANIZATION))
                .thenReturn(List.of(
                        organizationEvent(
                                "event-r",
                                0,
                                new org.endorsements.events.OrganizationRegistered(
                                        org, "Org", null, null, null, null, AT, "admin")),
                        organizationEvent(
                                "event-c",
                                1,
                                new ApiCredentialIssued(
                                        org,
                                        "c1",
                                        "cd".repeat(32),
                                        AT,
                                        "admin",
                                        AssuranceLevel.ORGANIZATION_CREDENTIAL)),
                        organizationEvent(
                                "event-p",
                                2,
                                new org.endorsements.events.SigningKeyPinned(
                                        org, "ef".repeat(32), "https://example.org/keys", AT, "admin")),
                        organizationEvent(
                                "event-s", 3, new org.endorsements.events.OrganizationSuspended(org, "r", AT, "admin")),
                        organizationEvent(
                                "event-v",
                                4,
                                new org.endorsements.events.ApiCredentialRevoked(org, "c1", AT, "admin"))));

        assertThat(mvc.get().uri(RECEIPT).header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"keyHistory": [
                          {"eventType": "org.endorsements.ApiCredentialIssued.v1", "payload": {"credentialId": "c1"}},
                          {"eventType": "org.endorsements.SigningKeyPinned.v1",
                           "payload": {"fingerprint": "%s", "source": "https://example.org/keys", "pinnedBy": "admin"}},
                          {"eventType": "org.endorsements.ApiCredentialRevoked.v1", "payload": {"credentialId": "c1"}}
                        ]}""".formatted("ef".repeat(32)));
        assertThat(mvc.get().uri(RECEIPT).header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY)))
                .bodyJson()
                .extractingPath("$.keyHistory.length()")
                .isEqualTo(3);
    }

    /**
     * The organization's events travel on another partition than the statement's: a receipt whose leaf commits to
     * more key-history entries than the audit trail holds yet would not verify, so it is not ready yet.
     */
    @Test
    void aReceiptWhoseLeafCommitsToKeyHistoryEntriesNotYetInTheAuditTrailIsAServiceUnavailableProblem() {
        byte[] committing = new org.endorsements.transparency.LogLeaf(
                        "event-2",
                        "EndorsementWithdrawn",
                        "clean-air",
                        "ab".repeat(32),
                        AT.toString(),
                        null,
                        "cd".repeat(32),
                        null,
                        null,
                        2,
                        "ef".repeat(32))
                .canonicalBytes();
        when(logs.leaves("clean-air", 1, 2)).thenReturn(List.of(committing));
        OrganizationId org = OrganizationId.of(ORGANIZATION);
        when(audit.allOfAggregate(ORGANIZATION))
                .thenReturn(List.of(organizationEvent(
                        "event-c",
                        1,
                        new ApiCredentialIssued(
                                org, "c1", "cd".repeat(32), AT, "admin", AssuranceLevel.ORGANIZATION_CREDENTIAL))));

        assertThat(mvc.get().uri(RECEIPT).header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatus(503)
                .hasHeader(HttpHeaders.RETRY_AFTER, "2")
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("key history");
    }

    @Test
    void anAuditorMayFetchAnyOrganizationsReceipt() {
        assertThat(mvc.get().uri(RECEIPT).header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.AUDITOR_KEY)))
                .hasStatusOk();
    }

    @Test
    void anotherOrganizationIsForbiddenTheReceiptSinceItHoldsTheOpening() {
        assertThat(mvc.get().uri(RECEIPT).header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.OTHER_ORGANIZATION_KEY)))
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("forbidden"));
        verifyNoInteractions(audit, logs);
    }

    @Test
    void theAnonymousAreAskedForAKey() {
        assertThat(mvc.get().uri(RECEIPT))
                .hasStatus(401)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("authentication-required"));
        verifyNoInteractions(audit, logs);
    }

    @Test
    void aReceiptOfAnOrganizationThatNeverSignedIsANotFoundProblem() {
        assertThat(mvc.get()
                        .uri("/api/statements/other-statement/receipts/" + ORGANIZATION)
                        .header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-found"));
    }

    @Test
    void aLatestEventNotInASignedCheckpointYetIsAServiceUnavailableProblemWithRetryAfter() {
        when(logs.checkpoint("clean-air")).thenReturn(Optional.of(new Document("size", 1L).append("note", "note")));

        assertThat(mvc.get().uri(RECEIPT).header(HttpHeaders.AUTHORIZATION, key(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatus(503)
                .hasHeader(HttpHeaders.RETRY_AFTER, "2")
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-yet-checkpointed"));
    }
}
