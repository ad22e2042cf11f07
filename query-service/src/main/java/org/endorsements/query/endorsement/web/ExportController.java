package org.endorsements.query.endorsement.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.organization.persistence.OrganizationQueries;
import org.endorsements.query.shared.web.ConsistencyGate;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The current signatories as files: numbered in document order, with country and region where known. */
@RestController
class ExportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final String CSV_HEADER =
            "number,entryNumber,organizationId,name,country,region,endorsedAt,source\r\n";

    private final EndorsementQueries endorsements;
    private final OrganizationQueries organizations;
    private final StatementQueries statements;
    private final ConsistencyGate consistency;

    ExportController(EndorsementQueries endorsements, OrganizationQueries organizations, StatementQueries statements,
            ConsistencyGate consistency) {
        this.endorsements = endorsements;
        this.organizations = organizations;
        this.statements = statements;
        this.consistency = consistency;
    }

    record ExportRow(int number, Integer entryNumber, String organizationId, String name, String country,
            String region, Instant endorsedAt, String source) {
    }

    record Export(String statementId, String title, String contentHash, Instant exportedAt, List<ExportRow> rows) {
    }

    @GetMapping(path = "/api/statements/{statementId}/endorsements.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Export> json(@PathVariable String statementId,
            @RequestParam(required = false) String minPosition) {
        consistency.awaitPosition(minPosition);
        var statement = statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
        Export export = new Export(statementId, statement.getTitle(), statement.getContentHash(), Instant.now(),
                rows(statementId));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment(statementId, "json"))
                .body(export);
    }

    @GetMapping(path = "/api/statements/{statementId}/endorsements.csv")
    ResponseEntity<String> csv(@PathVariable String statementId,
            @RequestParam(required = false) String minPosition) {
        consistency.awaitPosition(minPosition);
        statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
        StringBuilder out = new StringBuilder(CSV_HEADER);
        for (ExportRow row : rows(statementId)) {
            out.append(row.number()).append(',')
                    .append(row.entryNumber() == null ? "" : row.entryNumber()).append(',')
                    .append(Csv.field(row.organizationId())).append(',')
                    .append(Csv.field(row.name())).append(',')
                    .append(Csv.field(row.country())).append(',')
                    .append(Csv.field(row.region())).append(',')
                    .append(row.endorsedAt()).append(',')
                    .append(Csv.field(row.source())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(statementId, "csv"))
                .body(out.toString());
    }

    private List<ExportRow> rows(String statementId) {
        List<EndorsementView> signatories = endorsements.allCurrentSignatories(statementId);
        Map<String, OrganizationView> profiles = organizations.byIds(
                signatories.stream().map(EndorsementView::getOrganizationId).toList());
        List<ExportRow> rows = new ArrayList<>(signatories.size());
        int number = 1;
        for (EndorsementView s : signatories) {
            OrganizationView profile = profiles.get(s.getOrganizationId());
            rows.add(new ExportRow(number++, s.getEntryNumber(), s.getOrganizationId(), s.getOrganizationName(),
                    profile == null ? null : profile.getCountry(), profile == null ? null : profile.getRegion(),
                    s.getEndorsedAt(), s.getSource()));
        }
        return rows;
    }

    private static String attachment(String statementId, String extension) {
        return ContentDisposition.attachment().filename(statementId + "-signatories." + extension).build()
                .toString();
    }
}
