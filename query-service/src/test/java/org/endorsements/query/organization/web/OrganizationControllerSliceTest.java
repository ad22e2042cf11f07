package org.endorsements.query.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.bearer;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.organization.persistence.OrganizationQueries;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = OrganizationController.class)
@QueryWebSlice
class OrganizationControllerSliceTest {

    private static final String ORGANIZATION = QueryWebSlice.ORGANIZATION;
    private static final String RESOURCE = "/api/organizations/" + ORGANIZATION;
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    OrganizationQueries organizations;

    /** Registered, endorsing one statement publicly and one as counted; hidden as a whole if asked. */
    private void organization(boolean hidden) {
        OrganizationView view = OrganizationView.placeholder(ORGANIZATION);
        view.registered("Brave Org", "VE", "Zulia", "NGO", null, AT, 0);
        view.signature("open-letter", true, AT, 0, "public");
        view.signature("quiet-letter", true, AT, 0, "counted");
        if (hidden) {
            view.hidden(2);
        }
        when(organizations.find(ORGANIZATION)).thenReturn(Optional.of(view));
    }

    @Test
    void thePublicSeesAnOrganizationsProfileAndOnlyItsPublicEndorsements() {
        organization(false);

        assertThat(mvc.get().uri(RESOURCE)).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                        {"organizationId": "org-with-key", "name": "Brave Org", "country": "VE", "hidden": false,
                         "endorsements": [{"statementId": "open-letter", "visibility": "public"}]}""");
    }

    @Test
    void aHiddenOrganizationsPublicResourceIsGone() {
        organization(true);

        assertThat(mvc.get().uri(RESOURCE))
                .hasStatus(410)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("organization-hidden"));
    }

    @Test
    void aHiddenOrganizationStillSeesItsOwnRecordWithEveryEndorsement() {
        organization(true);

        assertThat(mvc.get().uri(RESOURCE).header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.ORGANIZATION_KEY)))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"hidden": true, "endorsements": [{"statementId": "open-letter", "visibility": "public"},
                                                           {"statementId": "quiet-letter", "visibility": "counted"}]}""");
    }

    @Test
    void anotherOrganizationIsNoExceptionToTheHide() {
        organization(true);

        assertThat(mvc.get()
                        .uri(RESOURCE)
                        .header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.OTHER_ORGANIZATION_KEY)))
                .hasStatus(410);
    }

    @Test
    void anAuditorSeesAHiddenOrganizationsRecord() {
        organization(true);

        assertThat(mvc.get().uri(RESOURCE).header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.AUDITOR_KEY)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.hidden")
                .isEqualTo(true);
    }

    @Test
    void anUnknownOrganizationIsANotFoundProblem() {
        assertThat(mvc.get().uri("/api/organizations/nobody"))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-found"));
    }
}
