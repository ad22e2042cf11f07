package org.endorsements.query.endorsement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.endorsements.events.EndorsementId;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.organization.OrganizationChanges;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.organization.Organizations;
import org.endorsements.query.shared.cache.ResultCache;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.Statements;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = BreakdownController.class)
@QueryWebSlice
class BreakdownControllerSliceTest {

    private static final String BREAKDOWN = "/api/statements/clean-air/breakdown";
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    /** The real result cache and organizations' version: which results the controller lets it share is the controller's decision. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ResultCache.Properties.class)
    @Import({ResultCache.class, OrganizationChanges.class})
    static class Cache {}

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    EndorsementQueries endorsements;

    @MockitoBean
    Organizations organizations;

    @MockitoBean
    Statements statements;

    private final StatementView statement = StatementView.placeholder("clean-air");

    @BeforeEach
    void threeSignatoriesTwoOfThemInBerlinAndOneWithoutAProfile() {
        statement.published("Clean air", "We ask for clean air.", "en", "sha256:abc", null, null, AT, 1);
        when(statements.find("clean-air")).thenReturn(Optional.of(statement));
        // A position of its own for each test: the cache outlives a test, its context serves the whole class.
        when(statements.position(statement)).thenReturn("1:1:" + System.nanoTime());
        when(organizations.byIds(anyCollection()))
                .thenReturn(Map.of("a", profile("a", "DE", "Berlin"), "b", profile("b", "DE", "Berlin")));
        doAnswer(call -> {
                    Consumer<List<EndorsementView>> page = call.getArgument(2);
                    page.accept(List.of(signatory("a"), signatory("b"), signatory("unknown")));
                    return null;
                })
                .when(endorsements)
                .forEachCurrentSignatory(eq("clean-air"), anyInt(), any());
    }

    private static OrganizationView profile(String id, String country, String region) {
        OrganizationView view = OrganizationView.placeholder(id);
        view.registered(id, country, region, "ngo", null, AT, 1);
        return view;
    }

    private static EndorsementView signatory(String organization) {
        EndorsementView view = EndorsementView.empty(EndorsementId.of("clean-air", organization));
        view.added(organization, AT, "web", null, "credential:c1", "sha256:abc", "opening", 1, false);
        return view;
    }

    @Test
    void signatoriesAreCountedByPlaceMostFirstWithUnknownPlacesLeftOut() {
        assertThat(mvc.get().uri(BREAKDOWN)).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                [{"country": "DE", "region": "Berlin", "signatories": 2}, {"signatories": 1}]""");
    }

    @Test
    void signatoriesAreCountedByKindMostFirstWithUnknownKindsLeftOut() {
        assertThat(mvc.get().uri(BREAKDOWN + "?by=kind"))
                .hasStatusOk()
                .bodyJson()
                .isStrictlyEqualTo("""
                [{"kind": "ngo", "signatories": 2}, {"signatories": 1}]""");
    }

    @Test
    void aHiddenOrganizationsKindIsNotShownItCountsWhereNothingIsKnown() {
        when(organizations.hiddenIds()).thenReturn(java.util.Set.of("a"));

        assertThat(mvc.get().uri(BREAKDOWN + "?by=kind"))
                .hasStatusOk()
                .bodyJson()
                .isStrictlyEqualTo("""
                [{"signatories": 2}, {"kind": "ngo", "signatories": 1}]""");
    }

    @Test
    void signatoriesAreCountedByAssuranceWithEveryLevelListedStrongestFirst() {
        doAnswer(call -> {
                    Consumer<List<EndorsementView>> page = call.getArgument(2);
                    EndorsementView signed = signatory("a");
                    signed.attested("organization-key", "k1");
                    EndorsementView rotated = signatory("b");
                    rotated.attested("admin-issued-credential", null);
                    EndorsementView rotatedToo = signatory("c");
                    rotatedToo.attested("admin-issued-credential", null);
                    page.accept(List.of(signed, rotated, rotatedToo, signatory("before-levels")));
                    return null;
                })
                .when(endorsements)
                .forEachCurrentSignatory(eq("clean-air"), anyInt(), any());

        assertThat(mvc.get().uri("/api/statements/clean-air/assurance"))
                .hasStatusOk()
                .bodyJson()
                .isStrictlyEqualTo("""
                        [{"assurance": "organization-key", "signatories": 1},
                         {"assurance": "organization-credential", "signatories": 1},
                         {"assurance": "admin-issued-credential", "signatories": 2},
                         {"assurance": "imported", "signatories": 0}]""");
    }

    @Test
    void aBreakdownIsCountedOnceForOnePositionOfTheStatement() {
        assertThat(mvc.get().uri(BREAKDOWN)).hasStatusOk();
        assertThat(mvc.get().uri(BREAKDOWN)).hasStatusOk();

        verify(endorsements, times(1)).forEachCurrentSignatory(eq("clean-air"), anyInt(), any());
    }

    @Test
    void aBreakdownIsCountedAgainOnceTheStatementHasMoved() {
        assertThat(mvc.get().uri(BREAKDOWN)).hasStatusOk();
        when(statements.position(statement)).thenReturn("1:2:" + System.nanoTime());
        assertThat(mvc.get().uri(BREAKDOWN)).hasStatusOk();

        verify(endorsements, times(2)).forEachCurrentSignatory(eq("clean-air"), anyInt(), any());
    }

    @Test
    void theBreakdownOfAnUnknownStatementIsANotFoundProblem() {
        assertThat(mvc.get().uri("/api/statements/no-such-statement/breakdown"))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-found"));
    }
}
