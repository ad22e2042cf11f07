package org.endorsements.query.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.bearer;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(controllers = OrganizationController.class)
@QueryWebSlice
class OrganizationControllerSliceTest {

    private static final String ORGANIZATION = QueryWebSlice.ORGANIZATION;
    private static final String RESOURCE = "/api/organizations/" + ORGANIZATION;
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private OrganizationView erased() {
        OrganizationView view = OrganizationView.placeholder(ORGANIZATION);
        view.registered("Brave Org", "VE", "Zulia", "NGO", "https://brave.example", AT, 0);
        view.handle("brave-org");
        view.signature("open-letter", true, AT, 0, "public");
        view.erased(3);
        when(organizations.find(ORGANIZATION)).thenReturn(Optional.of(view));
        return view;
    }

    @Test
    void anErasedOrganizationsPublicResourceIsGoneAsAHiddenOnesIs() {
        erased();

        assertThat(mvc.get().uri(RESOURCE))
                .hasStatus(410)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("organization-hidden"));
    }

    @Test
    void anAuditorSeesAnErasedOrganizationAsErasedWithItsIdOnly() throws Exception {
        erased();

        MvcTestResult answer = mvc.get()
                .uri(RESOURCE)
                .header(HttpHeaders.AUTHORIZATION, bearer(QueryWebSlice.AUDITOR_KEY))
                .exchange();

        assertThat(answer).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                        {"organizationId": "org-with-key", "name": "erased organization",
                         "hidden": true, "erased": true}""");
        assertThat(answer).bodyJson().doesNotHavePath("$.handle").doesNotHavePath("$.country");
        assertThat(answer.getResponse().getContentAsString())
                .doesNotContain("Brave")
                .doesNotContain("brave")
                .doesNotContain("Zulia");
    }

    @Test
    void anOrganizationIsFoundByItsHandle() {
        OrganizationView view = OrganizationView.placeholder(ORGANIZATION);
        view.registered("Brave Org", "VE", "Zulia", "NGO", null, AT, 0);
        view.handle("brave-org");
        when(organizations.findByHandle("brave-org")).thenReturn(Optional.of(view));

        assertThat(mvc.get().uri("/api/organizations?handle=brave-org"))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"organizationId": "org-with-key", "handle": "brave-org", "name": "Brave Org"}""");
    }

    @Test
    void aHandleNoOrganizationHasIsA404() {
        when(organizations.findByHandle("nobody")).thenReturn(Optional.empty());

        assertThat(mvc.get().uri("/api/organizations?handle=nobody")).hasStatus(404);
    }

    @Test
    void aHiddenOrganizationFoundByItsHandleIsGoneToThePublic() {
        OrganizationView view = OrganizationView.placeholder(ORGANIZATION);
        view.registered("Brave Org", "VE", "Zulia", "NGO", null, AT, 0);
        view.handle("brave-org");
        view.hidden(2);
        when(organizations.findByHandle("brave-org")).thenReturn(Optional.of(view));

        assertThat(mvc.get().uri("/api/organizations?handle=brave-org")).hasStatus(410);
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

    /**
     * The status is the one documented disclosure (docs/visibility.md): the public learns that the id was an
     * organization that hid. Nothing else in the answer may tell the two apart (nor tell more).
     */
    @Test
    void aHiddenOrganizationsAnswerDiffersFromAnUnknownOnesOnlyInItsStatusAndProblem() throws Exception {
        organization(true);
        when(organizations.find("nobody-at-all")).thenReturn(Optional.empty());

        MvcTestResult gone = mvc.get().uri(RESOURCE).exchange();
        MvcTestResult unknown =
                mvc.get().uri("/api/organizations/nobody-at-all").exchange();

        assertThat(gone.getResponse().getStatus()).isEqualTo(410);
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(gone.getResponse().getHeaderNames())
                .containsExactlyInAnyOrderElementsOf(unknown.getResponse().getHeaderNames());
        for (String header : unknown.getResponse().getHeaderNames()) {
            if (!header.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                assertThat(gone.getResponse().getHeaders(header))
                        .as(header)
                        .isEqualTo(unknown.getResponse().getHeaders(header));
            }
        }
        JsonNode goneBody = JSON.readTree(gone.getResponse().getContentAsString());
        JsonNode unknownBody = JSON.readTree(unknown.getResponse().getContentAsString());
        assertThat(fieldNames(goneBody)).containsExactlyInAnyOrderElementsOf(fieldNames(unknownBody));
        assertThat(goneBody.toString()).doesNotContain("Brave Org", "open-letter", "VE");
        assertThat(goneBody.path("instance").asText())
                .isEqualTo(unknownBody.path("instance").asText().replace("nobody-at-all", ORGANIZATION));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
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
