package org.endorsements.query.endorsement.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.endorsements.query.support.QueryWebSlice.Http.problem;
import static org.endorsements.query.support.QueryWebSlice.Http.streamed;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.endorsements.events.EndorsementId;
import org.endorsements.query.endorsement.Audience;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.organization.Organizations;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.Statements;
import org.endorsements.query.support.QueryWebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(controllers = ExportController.class)
@QueryWebSlice
class ExportControllerSliceTest {

    private static final Instant ENDORSED = Instant.parse("2026-03-01T10:00:00Z");

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
    void aStatementWithTwoSignatoriesOfWhichOneHasAProfile() {
        statement.published(
                "Clean air",
                "We ask for clean air.",
                "en",
                "sha256:abc",
                null,
                null,
                Instant.parse("2026-03-01T09:00:00Z"),
                1);
        when(statements.find("clean-air")).thenReturn(Optional.of(statement));
        OrganizationView acme = OrganizationView.placeholder("acme");
        acme.registered("Acme", "DE", "Berlin", "ngo", null, ENDORSED, 1);
        when(organizations.byIds(anyCollection())).thenReturn(Map.of("acme", acme));
        signatories(signatory("acme", "Acme", 1), signatory("evil", "=HYPERLINK(\"x\")", null));
    }

    private void signatories(EndorsementView... page) {
        doAnswer(call -> {
                    Consumer<List<EndorsementView>> consumer = call.getArgument(3);
                    consumer.accept(List.of(page));
                    return null;
                })
                .when(endorsements)
                .forEachCurrentSignatory(eq("clean-air"), eq(Audience.PUBLIC), anyInt(), any());
    }

    private static EndorsementView signatory(String organization, String name, Integer entryNumber) {
        EndorsementView view = EndorsementView.empty(EndorsementId.of("clean-air", organization));
        view.added(name, ENDORSED, "web", entryNumber, "credential:c1", "sha256:abc", "opening", 1, false);
        view.attested("organization-credential", null);
        return view;
    }

    @Test
    void theCsvExportIsAnAttachmentWithAHeaderAndOneRowPerSignatoryNumberedAmongThoseItNames() {
        assertThat(streamed(mvc, mvc.get().uri("/api/statements/clean-air/endorsements.csv")))
                .hasStatusOk()
                .hasContentType("text/csv;charset=UTF-8")
                .hasHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"clean-air-signatories.csv\"")
                .hasBodyTextEqualTo("number,organizationId,name,country,region,endorsedAt,source,assurance,kind,"
                        + "version,contentHash,readContentHash\r\n"
                        + "1,acme,Acme,DE,Berlin,2026-03-01T10:00:00Z,web,organization-credential,ngo,"
                        + "1,sha256:abc,sha256:abc\r\n"
                        + "2,evil,\"'=HYPERLINK(\"\"x\"\")\",,,2026-03-01T10:00:00Z,web,organization-credential,,"
                        + "1,sha256:abc,sha256:abc\r\n");
    }

    @Test
    void theJsonExportIsAnAttachmentNamingTheStatementAndListingEveryRow() {
        assertThat(streamed(mvc, mvc.get().uri("/api/statements/clean-air/endorsements.json")))
                .hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .hasHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"clean-air-signatories.json\"")
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"statementId": "clean-air", "title": "Clean air", "contentHash": "sha256:abc",
                         "rows": [{"number": 1, "organizationId": "acme", "name": "Acme",
                                   "country": "DE", "region": "Berlin", "endorsedAt": "2026-03-01T10:00:00Z",
                                   "source": "web", "assurance": "organization-credential", "kind": "ngo",
                                   "version": 1, "contentHash": "sha256:abc", "readContentHash": "sha256:abc"},
                                  {"number": 2, "organizationId": "evil"}]}""")
                .hasPath("$.exportedAt")
                .doesNotHavePath("$.rows[0].entryNumber")
                .doesNotHavePath("$.rows[1].country");
    }

    @Test
    void aSignatoryRecordedBeforeAssuranceLevelsIsExportedAtTheLevelItsSourceImplies() {
        EndorsementView letter = EndorsementView.empty(EndorsementId.of("clean-air", "letter"));
        letter.added("Letter", ENDORSED, "imported", 7, "admin", "sha256:abc", "opening", 1, false);
        signatories(letter);

        assertThat(streamed(mvc, mvc.get().uri("/api/statements/clean-air/endorsements.csv")))
                .hasStatusOk()
                .bodyText()
                .endsWith("1,letter,Letter,,,2026-03-01T10:00:00Z,imported,imported,,1,sha256:abc,sha256:abc\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"csv", "json"})
    void theExportOfAnUnknownStatementIsANotFoundProblem(String extension) {
        assertThat(mvc.get().uri("/api/statements/no-such-statement/endorsements." + extension))
                .hasStatus(404)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("not-found"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"csv", "json"})
    void aMinPositionThatIsNoTokenIsABadRequestProblem(String extension) {
        assertThat(mvc.get()
                        .uri("/api/statements/clean-air/endorsements." + extension)
                        .param("minPosition", "garbage"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(problem("invalid-min-position"));
    }
}
