package org.endorsements.query.reconciliation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.bearer;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.endorsements.query.reconciliation.Reconciler;
import org.endorsements.query.reconciliation.Reconciliation;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = ReconciliationController.class)
@QueryWebSlice
class ReconciliationControllerSliceTest {

    private static final String RECONCILIATION = "/api/admin/reconciliation";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Reconciler reconciler;

    @BeforeEach
    void oneDriftFound() {
        when(reconciler.run())
                .thenReturn(new Reconciliation.Report(
                        Instant.parse("2026-03-01T10:00:00Z"),
                        3,
                        40,
                        List.of(new Reconciliation.Drift("clean-air", null, "currentCount", "41", "40"))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {QueryWebSlice.AUDITOR_KEY, QueryWebSlice.ADMIN_KEY})
    void anAuditorOrTheAdminGetsAReportOfEveryDriftFound(String key) {
        assertThat(mvc.get().uri(RECONCILIATION).header(HttpHeaders.AUTHORIZATION, bearer(key)))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"checkedAt": "2026-03-01T10:00:00Z", "statementsChecked": 3, "endorsementsChecked": 40,
                         "drift": [{"statementId": "clean-air", "field": "currentCount", "inView": "41",
                                    "inAuditTrail": "40"}]}""");
    }

    @Test
    void anOrganizationIsForbiddenAReconciliation() {
        assertThat(mvc.get()
                        .uri(RECONCILIATION)
                        .header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("forbidden"));
        verifyNoInteractions(reconciler);
    }

    @Test
    void theAnonymousAreAskedForAKeyAndNothingIsRecounted() {
        assertThat(mvc.get().uri(RECONCILIATION))
                .hasStatus(401)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("authentication-required"));
        verifyNoInteractions(reconciler);
    }
}
