package org.endorsements.query.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.bearer;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.audit.persistence.AuditQueries;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = HistoryController.class)
@QueryWebSlice
class HistoryControllerSliceTest {

    private static final String STATEMENT_HISTORY = "/api/statements/clean-air/history";
    private static final String ORGANIZATION_HISTORY = "/api/organizations/acme/history";
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    AuditQueries audit;

    private final AuditEntry withdrawal = new AuditEntry(
            "event-2",
            "EndorsementWithdrawn",
            "clean-air",
            "acme",
            "credential:c1",
            AT,
            AT.plusMillis(5),
            "Endorsement",
            "clean-air:acme",
            2,
            1,
            41,
            new Document("reason", "pressure"));

    @BeforeEach
    void oneWithdrawalOnRecord() {
        when(audit.ofStatement("clean-air", 0, 100)).thenReturn(List.of(withdrawal));
        when(audit.countOfStatement("clean-air")).thenReturn(1L);
        when(audit.ofOrganization("acme", 0, 100)).thenReturn(List.of(withdrawal));
        when(audit.countOfOrganization("acme")).thenReturn(1L);
    }

    private static String auditor() {
        return bearer(QueryWebSlice.AUDITOR_KEY);
    }

    @Test
    void theAuditTrailOfAStatementIsAPageOfItsEventsAsTheyWereOnTheTopic() {
        assertThat(mvc.get().uri(STATEMENT_HISTORY).header(HttpHeaders.AUTHORIZATION, auditor()))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"items": [{"eventId": "event-2", "type": "EndorsementWithdrawn", "statementId": "clean-air",
                                    "organizationId": "acme", "actor": "credential:c1",
                                    "occurredAt": "2026-03-01T10:00:00Z", "projectedAt": "2026-03-01T10:00:00.005Z",
                                    "aggregateType": "Endorsement", "aggregateId": "clean-air:acme", "sequence": 2,
                                    "partition": 1, "offset": 41, "payload": {"reason": "pressure"}}],
                         "page": 0, "size": 100, "totalItems": 1, "totalPages": 1}""");
    }

    @Test
    void theAuditTrailOfAnOrganizationIsAPageOfItsEvents() {
        assertThat(mvc.get().uri(ORGANIZATION_HISTORY).header(HttpHeaders.AUTHORIZATION, auditor()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].eventId")
                .isEqualTo("event-2");
    }

    @Test
    void anEndorsementInTheHistoryNamesWhoIssuedTheKeyItWasMadeWithAndWhatVouchesForIt() {
        AuditEntry endorsement = new AuditEntry(
                "event-3",
                "org.endorsements.EndorsementAdded.v2",
                "clean-air",
                "acme",
                "credential:c2",
                AT,
                AT,
                "Endorsement",
                "clean-air:acme",
                3,
                1,
                42,
                new Document("source", "api").append("assurance", "admin-issued-credential"));
        AuditEntry issue = new AuditEntry(
                "event-0",
                "org.endorsements.ApiCredentialIssued.v1",
                null,
                "acme",
                "admin",
                AT.minusSeconds(60),
                AT,
                "Organization",
                "acme",
                4,
                0,
                7,
                new Document("credentialId", "c2")
                        .append("keyDigest", "d".repeat(64))
                        .append("issuedBy", "admin")
                        .append("assurance", "admin-issued-credential"));
        when(audit.ofStatement("clean-air", 0, 100)).thenReturn(List.of(endorsement));
        when(audit.issuesOfCredentials(java.util.Set.of("c2"))).thenReturn(java.util.Map.of("c2", issue));

        assertThat(mvc.get().uri(STATEMENT_HISTORY).header(HttpHeaders.AUTHORIZATION, auditor()))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"items": [{"eventId": "event-3", "actor": "credential:c2",
                                    "assurance": "admin-issued-credential",
                                    "credential": {"credentialId": "c2", "issuedAt": "2026-03-01T09:59:00Z",
                                                   "issuedBy": "admin", "assurance": "admin-issued-credential",
                                                   "keyDigest": "%s"}}]}""".formatted("d".repeat(64)));
    }

    private static AuditEntry endorsementEvent(String id, String type, String actor, long sequence, Document payload) {
        return new AuditEntry(
                id,
                type,
                "clean-air",
                "acme",
                actor,
                AT,
                AT,
                "Endorsement",
                "clean-air:acme",
                sequence,
                1,
                40 + sequence,
                payload);
    }

    /** The history shows the level in force after each event: a re-confirmation's own, a reinstatement's. */
    @Test
    void aReconfirmationAndAReinstatementInTheHistoryShowTheLevelTheyRecorded() {
        AuditEntry reconfirmed = endorsementEvent(
                "event-5",
                "org.endorsements.EndorsementReconfirmed.v1",
                "credential:c1",
                5,
                new Document("assurance", "organization-key"));
        AuditEntry reinstated = endorsementEvent(
                "event-6",
                "org.endorsements.EndorsementReinstated.v1",
                "admin",
                6,
                new Document("reason", "genuine").append("assurance", "admin-issued-credential"));
        AuditEntry reinstatedBeforeLevels = endorsementEvent(
                "event-7", "org.endorsements.EndorsementReinstated.v1", "admin", 7, new Document("reason", "genuine"));
        when(audit.ofStatement("clean-air", 0, 100))
                .thenReturn(List.of(reconfirmed, reinstated, reinstatedBeforeLevels));

        assertThat(mvc.get().uri(STATEMENT_HISTORY).header(HttpHeaders.AUTHORIZATION, auditor()))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"items": [{"eventId": "event-5", "assurance": "organization-key"},
                                   {"eventId": "event-6", "assurance": "admin-issued-credential"},
                                   {"eventId": "event-7"}]}""");
        assertThat(mvc.get().uri(STATEMENT_HISTORY).header(HttpHeaders.AUTHORIZATION, auditor()))
                .bodyJson()
                .doesNotHavePath("$.items[2].assurance");
    }

    @Test
    void anEntryMadeWithAKeyWhoseIssueIsNotOnRecordNamesNoIssue() {
        assertThat(mvc.get().uri(STATEMENT_HISTORY).header(HttpHeaders.AUTHORIZATION, auditor()))
                .hasStatusOk()
                .bodyJson()
                .hasPath("$.items[0].actor")
                .doesNotHavePath("$.items[0].credential");
    }

    @Test
    void theAdminMayReadTheAuditTrail() {
        assertThat(mvc.get().uri(STATEMENT_HISTORY).header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.ADMIN_KEY)))
                .hasStatusOk();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {STATEMENT_HISTORY, ORGANIZATION_HISTORY})
    void theAuditTrailAsksTheAnonymousForAKey(String path) {
        assertThat(mvc.get().uri(path))
                .hasStatus(401)
                .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("authentication-required"));
        verifyNoInteractions(audit);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HEAD", "OPTIONS"})
    void theAuditTrailAsksTheAnonymousForAKeyWhateverTheMethod(String method) {
        assertThat(mvc.method(HttpMethod.valueOf(method)).uri(STATEMENT_HISTORY))
                .hasStatus(401);
        verifyNoInteractions(audit);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {STATEMENT_HISTORY, ORGANIZATION_HISTORY})
    void theAuditTrailIsForbiddenToAnOrganizationEvenAboutItself(String path) {
        assertThat(mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatus(403)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("forbidden"));
        verifyNoInteractions(audit);
    }

    @Test
    void anAnswerFromTheAuditTrailIsNeverStored() {
        assertThat(mvc.get().uri(STATEMENT_HISTORY).header(HttpHeaders.AUTHORIZATION, auditor()))
                .hasStatusOk()
                .hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"page=-1", "size=0", "size=501"})
    void aPageOutsideTheLimitsIsABadRequestProblem(String paging) {
        assertThat(mvc.get().uri(STATEMENT_HISTORY + "?" + paging).header(HttpHeaders.AUTHORIZATION, auditor()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-page"));
    }

    @Test
    void aSizeThatIsNotANumberIsABadRequestProblemNamingIt() {
        assertThat(mvc.get()
                        .uri(ORGANIZATION_HISTORY)
                        .param("size", "abc")
                        .header(HttpHeaders.AUTHORIZATION, auditor()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.parameter")
                .isEqualTo("size");
    }

    @Test
    void aMinPositionThatIsNoTokenIsABadRequestProblem() {
        assertThat(mvc.get()
                        .uri(ORGANIZATION_HISTORY)
                        .param("minPosition", "garbage")
                        .header(HttpHeaders.AUTHORIZATION, auditor()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-min-position"));
    }
}
