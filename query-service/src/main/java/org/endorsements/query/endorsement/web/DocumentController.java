package org.endorsements.query.endorsement.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Caller;
import org.endorsements.query.endorsement.Audience;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.SignatoryAt;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.log.PublishedCheckpoints;
import org.endorsements.query.projection.consistency.ConsistencyGate;
import org.endorsements.query.shared.web.ExpensiveReads;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.shared.web.ReadParameters;
import org.endorsements.query.statement.StatementDocument;
import org.endorsements.query.statement.StatementPdf;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.Statements;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The statement as a letter with its signatories, in Markdown, plain text or PDF, now or at any past instant. The
 * current letter is written as a cursor reads its signatories, within the bulkhead for large reads; a past one
 * comes from who was in force then, computed once per position of the statement's view.
 */
@RestController
class DocumentController {

    static final MediaType TEXT_MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    static final MediaType TEXT_PLAIN = new MediaType("text", "plain", StandardCharsets.UTF_8);
    static final String APPLICATION_PDF = "application/pdf";
    /** Signatories per page read from the cursor and flushed to the client. */
    private static final int PAGE = 500;

    private final Statements statements;
    private final EndorsementQueries endorsements;
    private final ConsistencyGate consistency;
    private final InForceAt inForceAt;
    private final ExpensiveReads expensive;
    private final PublishedCheckpoints checkpoints;
    private final Clock clock;

    DocumentController(
            Statements statements,
            EndorsementQueries endorsements,
            ConsistencyGate consistency,
            InForceAt inForceAt,
            ExpensiveReads expensive,
            PublishedCheckpoints checkpoints,
            Clock clock) {
        this.statements = statements;
        this.endorsements = endorsements;
        this.consistency = consistency;
        this.inForceAt = inForceAt;
        this.expensive = expensive;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    @GetMapping(
            path = {"/api/statements/{statementId}/document", "/api/statements/{statementId}/document.md"},
            produces = "text/markdown")
    CompletableFuture<ResponseEntity<StreamingResponseBody>> markdown(
            @PathVariable String statementId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String minPosition,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request) {
        return document(
                statementId, asOf, minPosition, caller, request, StatementDocument.Format.MARKDOWN, TEXT_MARKDOWN);
    }

    @GetMapping(
            path = {"/api/statements/{statementId}/document", "/api/statements/{statementId}/document.txt"},
            produces = MediaType.TEXT_PLAIN_VALUE)
    CompletableFuture<ResponseEntity<StreamingResponseBody>> plain(
            @PathVariable String statementId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String minPosition,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request) {
        return document(statementId, asOf, minPosition, caller, request, StatementDocument.Format.PLAIN, TEXT_PLAIN);
    }

    /**
     * The letter to deliver: the same text and list as the Markdown document, with the log's latest signed
     * checkpoint, so that a printed copy can be checked against the public log.
     */
    @GetMapping(
            path = {"/api/statements/{statementId}/document", "/api/statements/{statementId}/document.pdf"},
            produces = APPLICATION_PDF)
    CompletableFuture<ResponseEntity<StreamingResponseBody>> pdf(
            @PathVariable String statementId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String minPosition,
            @AuthenticationPrincipal Caller caller,
            HttpServletRequest request) {
        if (!request.getRequestURI().endsWith(".pdf") && !asksForPdf(request)) {
            // A client that accepts anything (or sends no Accept) gets the Markdown letter, as it always did.
            return markdown(statementId, asOf, minPosition, caller, request);
        }
        return document(
                statementId, asOf, minPosition, caller, request, null, MediaType.parseMediaType(APPLICATION_PDF));
    }

    private static boolean asksForPdf(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getType().equals("application")
                            && type.getSubtype().equals("pdf")
                            && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private CompletableFuture<ResponseEntity<StreamingResponseBody>> document(
            String statementId,
            String asOf,
            String minPosition,
            Caller caller,
            HttpServletRequest request,
            StatementDocument.Format format,
            MediaType type) {
        Instant at = asOf == null ? null : ReadParameters.instant("asOf", "invalid-as-of", asOf);
        boolean auditor = caller.isAuditor();
        return consistency.read(minPosition, () -> {
            StatementView statement =
                    statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
            StreamingResponseBody body =
                    at == null ? current(request, statement, format) : past(statement, at, auditor, format);
            ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(type);
            if (format == null) {
                answer.header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(statement.getId() + ".pdf")
                                .build()
                                .toString());
            }
            return answer.body(body);
        });
    }

    /**
     * The permit is taken before the answer starts (a full bulkhead is a 503) and held to its last byte, or until
     * the request ends otherwise (its deadline, an error, a client gone).
     */
    private StreamingResponseBody current(
            HttpServletRequest request, StatementView statement, StatementDocument.Format format) {
        ExpensiveReads.Permit permit = expensive.acquire(request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long hidden = endorsements.countCountedButHidden(statement.getId(), Audience.PUBLIC);
        return stream -> {
            try (permit) {
                write(
                        stream,
                        format,
                        statement,
                        null,
                        (document, out) ->
                                endorsements.forEachCurrentSignatory(statement.getId(), Audience.PUBLIC, PAGE, page -> {
                                    try {
                                        for (EndorsementView signatory : page) {
                                            document.signatory(
                                                    signatory.getOrganizationName(),
                                                    AssuranceLevel.recorded(
                                                                    signatory.getAssurance(), signatory.getSource())
                                                            .wireName(),
                                                    earlierVersion(
                                                            statement,
                                                            statement.getContentHash(),
                                                            signatory.getContentHash()));
                                        }
                                        out.flush();
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                }),
                        now,
                        0,
                        hidden);
            }
        };
    }

    private StreamingResponseBody past(
            StatementView statement, Instant at, boolean auditor, StatementDocument.Format format) {
        EndorsementQueries.SignatoriesAt inForce = inForceAt.get(statement, at, auditor);
        StatementView.Version version = statement.versionAt(at).orElse(null);
        String versionHash = version == null ? statement.getContentHash() : version.contentHash();
        return stream -> write(
                stream,
                format,
                statement,
                version,
                (document, out) -> {
                    try {
                        for (SignatoryAt signatory : inForce.entries()) {
                            document.signatory(
                                    signatory.name(),
                                    signatory.assurance(),
                                    earlierVersion(statement, versionHash, signatory.contentHash()));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                at,
                inForce.withheld(),
                inForce.countedButHidden());
    }

    private interface Signatories {
        void write(StatementDocument.Letter document, Flushable out);
    }

    /** The version a signatory endorsed, when it is not {@code shownHash}, the version the document shows. */
    private static Integer earlierVersion(StatementView statement, String shownHash, String signedHash) {
        if (signedHash == null || signedHash.equals(shownHash)) {
            return null;
        }
        return statement.version(signedHash).map(StatementView.Version::version).orElse(null);
    }

    /**
     * {@code version}: the version in force at the document's instant; null for the version in force now.
     * {@code format} null: the PDF, written out whole once its last page is made.
     */
    private void write(
            OutputStream stream,
            StatementDocument.Format format,
            StatementView statement,
            StatementView.Version version,
            Signatories signatories,
            Instant asOf,
            int withheld,
            long countedButHidden)
            throws IOException {
        String title = version == null ? statement.getTitle() : version.title();
        String body = version == null || version.body() == null ? statement.getBody() : version.body();
        if (format == null) {
            try (StatementPdf pdf = new StatementPdf(statement.getId(), title, statement.getLanguage())) {
                letter(pdf, () -> {}, statement, version, title, body, signatories, asOf, withheld, countedButHidden);
                pdf.log(checkpoints.latest(statement.getId()));
                pdf.writeTo(stream);
            }
            return;
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        letter(
                new StatementDocument.Writer(out, format),
                out,
                statement,
                version,
                title,
                body,
                signatories,
                asOf,
                withheld,
                countedButHidden);
        out.flush();
    }

    /** The same parts in every format, so that the PDF names exactly whom the Markdown letter names. */
    private static void letter(
            StatementDocument.Letter document,
            Flushable out,
            StatementView statement,
            StatementView.Version version,
            String title,
            String body,
            Signatories signatories,
            Instant asOf,
            int withheld,
            long countedButHidden)
            throws IOException {
        document.opening(title, body, statement.getSignatoryListIntro());
        signatories.write(document, out);
        document.closing(statement.getClosingNote(), asOf, withheld, countedButHidden);
        if (statement.getVersions().size() > 1) {
            document.version(
                    version == null ? statement.getVersion() : version.version(),
                    version == null ? statement.getContentHash() : version.contentHash());
        }
    }
}
