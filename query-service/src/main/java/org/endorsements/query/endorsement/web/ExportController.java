package org.endorsements.query.endorsement.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.query.endorsement.Audience;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.organization.Organizations;
import org.endorsements.query.projection.consistency.ConsistencyGate;
import org.endorsements.query.shared.web.ExpensiveReads;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.Statements;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The current signatories as files: numbered 1..n in document order, with country, region and kind where known,
 * and the version each signed ({@code version}, {@code contentHash}) and the text its signer read
 * ({@code readContentHash}: the version's own, or a translation). Files are public, so they carry no letter's
 * entry numbers: with some signatories not named, the numbers of the others would leave gaps where those stood
 * (the auditor's signatory list has them). Both are
 * written page by page as a cursor reads the signatories (with their profiles looked up per page), so an export
 * holds one page in memory whatever the statement's size, within the bulkhead for large reads.
 */
@RestController
class ExportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String CSV_HEADER =
            "number,organizationId,name,country,region,endorsedAt,source,assurance,kind,version,"
                    + "contentHash,readContentHash\r\n";
    /** Signatories per page: one profile lookup and one flush each. */
    static final int PAGE = 500;

    private final EndorsementQueries endorsements;
    private final Organizations organizations;
    private final Statements statements;
    private final ConsistencyGate consistency;
    private final ExpensiveReads expensive;
    private final ObjectMapper json;

    ExportController(
            EndorsementQueries endorsements,
            Organizations organizations,
            Statements statements,
            ConsistencyGate consistency,
            ExpensiveReads expensive,
            ObjectMapper json) {
        this.endorsements = endorsements;
        this.organizations = organizations;
        this.statements = statements;
        this.consistency = consistency;
        this.expensive = expensive;
        this.json = json;
    }

    record ExportRow(
            int number,
            String organizationId,
            String name,
            String country,
            String region,
            Instant endorsedAt,
            String source,
            String assurance,
            String kind,
            Integer version,
            String contentHash,
            String readContentHash) {}

    /** The shape of the JSON file (written field by field, rows as they come). */
    record Export(
            String statementId,
            String title,
            String contentHash,
            int version,
            Instant exportedAt,
            List<ExportRow> rows) {}

    @GetMapping(path = "/api/statements/{statementId}/endorsements.json", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<StreamingResponseBody>> json(
            @PathVariable String statementId,
            @RequestParam(required = false) String minPosition,
            HttpServletRequest request) {
        return consistency.read(minPosition, () -> {
            StatementView statement =
                    statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
            return stream(
                    request,
                    MediaType.APPLICATION_JSON,
                    attachment(statementId, "json"),
                    out -> writeJson(statement, out));
        });
    }

    @GetMapping(path = "/api/statements/{statementId}/endorsements.csv")
    CompletableFuture<ResponseEntity<StreamingResponseBody>> csv(
            @PathVariable String statementId,
            @RequestParam(required = false) String minPosition,
            HttpServletRequest request) {
        return consistency.read(minPosition, () -> {
            StatementView statement =
                    statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
            return stream(request, TEXT_CSV, attachment(statementId, "csv"), out -> writeCsv(statement, out));
        });
    }

    /**
     * The permit is taken before the answer starts (so a full bulkhead is a 503) and held to its last byte, or
     * until the request ends otherwise (its deadline, an error, a client gone).
     */
    private ResponseEntity<StreamingResponseBody> stream(
            HttpServletRequest request, MediaType type, String disposition, StreamingResponseBody body) {
        ExpensiveReads.Permit permit = expensive.acquire(request);
        StreamingResponseBody guarded = out -> {
            try (permit) {
                body.writeTo(out);
            }
        };
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .body(guarded);
    }

    private void writeCsv(StatementView statement, OutputStream stream) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        out.write(CSV_HEADER);
        rows(statement, page -> {
            try {
                for (ExportRow row : page) {
                    out.append(Integer.toString(row.number()))
                            .append(',')
                            .append(Csv.field(row.organizationId()))
                            .append(',')
                            .append(Csv.field(row.name()))
                            .append(',')
                            .append(Csv.field(row.country()))
                            .append(',')
                            .append(Csv.field(row.region()))
                            .append(',')
                            .append(String.valueOf(row.endorsedAt()))
                            .append(',')
                            .append(Csv.field(row.source()))
                            .append(',')
                            .append(row.assurance() == null ? "" : Csv.field(row.assurance()))
                            .append(',')
                            .append(Csv.field(row.kind()))
                            .append(',')
                            .append(row.version() == null ? "" : row.version().toString())
                            .append(',')
                            .append(row.contentHash() == null ? "" : row.contentHash())
                            .append(',')
                            .append(row.readContentHash() == null ? "" : row.readContentHash())
                            .append("\r\n");
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /** Field by field as Jackson would write {@link Export} (nulls left out, as configured). */
    private void writeJson(StatementView statement, OutputStream stream) throws IOException {
        ObjectWriter values = json.writer()
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .without(SerializationFeature.CLOSE_CLOSEABLE);
        try (JsonGenerator out = json.getFactory().createGenerator(stream)) {
            out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            out.writeStartObject();
            field(out, values, "statementId", statement.getId());
            field(out, values, "title", statement.getTitle());
            field(out, values, "contentHash", statement.getContentHash());
            field(out, values, "version", statement.getVersion());
            field(out, values, "exportedAt", Instant.now());
            out.writeArrayFieldStart("rows");
            rows(statement, page -> {
                try {
                    for (ExportRow row : page) {
                        values.writeValue(out, row);
                    }
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    private static void field(JsonGenerator out, ObjectWriter values, String name, Object value) throws IOException {
        if (value != null) {
            out.writeFieldName(name);
            values.writeValue(out, value);
        }
    }

    private void rows(StatementView statement, java.util.function.Consumer<List<ExportRow>> page) {
        int[] number = {1};
        // Files are public: only the signatories the public sees named, numbered among themselves.
        endorsements.forEachCurrentSignatory(statement.getId(), Audience.PUBLIC, PAGE, signatories -> {
            Map<String, OrganizationView> profiles = organizations.byIds(
                    signatories.stream().map(EndorsementView::getOrganizationId).toList());
            page.accept(signatories.stream()
                    .map(s -> {
                        OrganizationView profile = profiles.get(s.getOrganizationId());
                        return new ExportRow(
                                number[0]++,
                                s.getOrganizationId(),
                                s.getOrganizationName(),
                                profile == null ? null : profile.getCountry(),
                                profile == null ? null : profile.getRegion(),
                                s.getEndorsedAt(),
                                s.getSource(),
                                AssuranceLevel.recorded(s.getAssurance(), s.getSource())
                                        .wireName(),
                                profile == null ? null : profile.getKind(),
                                s.getContentHash() == null
                                        ? null
                                        : statement
                                                .version(s.getContentHash())
                                                .map(StatementView.Version::version)
                                                .orElse(null),
                                s.getContentHash(),
                                s.getContentHash() == null ? null : s.getReadContentHash());
                    })
                    .toList());
        });
    }

    private static String attachment(String statementId, String extension) {
        return ContentDisposition.attachment()
                .filename(statementId + "-signatories." + extension)
                .build()
                .toString();
    }
}
