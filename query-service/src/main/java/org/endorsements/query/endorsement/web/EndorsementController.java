package org.endorsements.query.endorsement.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Caller;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.query.endorsement.Audience;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.SignatoryAt;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.projection.consistency.ConsistencyGate;
import org.endorsements.query.shared.web.PageResponse;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.shared.web.ReadParameters;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.Statements;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statements/{statementId}/endorsements")
class EndorsementController {

    private final EndorsementQueries endorsements;
    private final Statements statements;
    private final ConsistencyGate consistency;
    private final InForceAt inForceAt;

    EndorsementController(
            EndorsementQueries endorsements, Statements statements, ConsistencyGate consistency, InForceAt inForceAt) {
        this.endorsements = endorsements;
        this.statements = statements;
        this.consistency = consistency;
        this.inForceAt = inForceAt;
    }

    /**
     * A public signatory: what the letter shows, plus the opening that lets anyone check it against the log, what
     * vouches for it ({@code assurance}) and the signing key when the organization signed. {@code visibility} (current
     * lists only) is {@code counted} only where the reader may see a counted signatory named: an auditor, or the
     * organization itself. Lists as of a past instant show what the audit trail recorded for each endorsement in force
     * then, assurance and key included. {@code entryNumber}, the number on an imported letter, only auditors see: in a
     * list that names only some of the letter's signatories, the numbers of those it leaves out would be gaps that
     * point at them (and at where they stood). Everyone else gets the list in the letter's order, which they number
     * 1..n themselves.
     * {@code contentHash} and {@code version} are the version the signatory endorses (an earlier one until it
     * re-confirms the version in force), {@code readContentHash} the text its signer read: the version's own, or
     * a translation.
     */
    record Signatory(
            String organizationId,
            String name,
            Instant endorsedAt,
            String source,
            Integer entryNumber,
            String contentHash,
            Integer version,
            String readContentHash,
            String signerOpening,
            String visibility,
            String assurance,
            String signingKeyId) {

        static Signatory of(EndorsementView v, StatementView statement, boolean auditor) {
            return new Signatory(
                    v.getOrganizationId(),
                    v.getOrganizationName(),
                    v.getEndorsedAt(),
                    v.getSource(),
                    auditor ? v.getEntryNumber() : null,
                    v.getContentHash(),
                    versionOf(statement, v.getContentHash()),
                    v.getReadContentHash(),
                    v.getSignerOpening(),
                    EndorsementVisibility.fromWireName(v.getVisibility())
                            .orElse(EndorsementVisibility.DEFAULT)
                            .wireName(),
                    AssuranceLevel.recorded(v.getAssurance(), v.getSource()).wireName(),
                    v.getSigningKeyId());
        }

        static Signatory of(SignatoryAt e, StatementView statement, boolean auditor) {
            return new Signatory(
                    e.organizationId(),
                    e.name(),
                    e.endorsedAt(),
                    e.source(),
                    auditor ? e.entryNumber() : null,
                    e.contentHash(),
                    versionOf(statement, e.contentHash()),
                    e.readContentHash(),
                    e.signerOpening(),
                    null,
                    e.assurance(),
                    e.signingKeyId());
        }

        private static Integer versionOf(StatementView statement, String contentHash) {
            return contentHash == null
                    ? null
                    : statement
                            .version(contentHash)
                            .map(StatementView.Version::version)
                            .orElse(null);
        }
    }

    /**
     * {@code withheld}: signatories in force at {@code asOf} that have withdrawn since; only auditors see them
     * listed, the public sees how many there were. {@code countedButHidden}: signatories counted (now, or at
     * {@code asOf}) but not named to this reader; they are in no page and in no {@code totalItems}.
     * {@code version} and {@code versionContentHash}: the version of the text in force (at {@code asOf}, if given).
     */
    record SignatoryPage(
            List<Signatory> items,
            int page,
            int size,
            long totalItems,
            long totalPages,
            Instant asOf,
            Integer withheld,
            long countedButHidden,
            Integer version,
            String versionContentHash) {}

    @GetMapping
    CompletableFuture<SignatoryPage> list(
            @PathVariable String statementId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size,
            @RequestParam(required = false) String minPosition,
            @AuthenticationPrincipal Caller caller) {
        PageResponse.validate(page, size);
        Instant at = asOf == null ? null : ReadParameters.instant("asOf", "invalid-as-of", asOf);
        String search = ReadParameters.search("q", q);
        boolean auditor = caller.isAuditor();
        Audience audience = Audience.of(caller);
        return consistency.read(
                minPosition,
                () -> at == null
                        ? current(statementId, search, page, size, audience)
                        : asOf(statementId, at, auditor, page, size));
    }

    private SignatoryPage current(String statementId, String search, int page, int size, Audience audience) {
        StatementView statement =
                statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
        List<Signatory> items = endorsements.currentSignatories(statementId, search, page, size, audience).stream()
                .map(v -> Signatory.of(v, statement, audience.auditor()))
                .toList();
        long total = endorsements.countCurrent(statementId, search, audience);
        long hidden = endorsements.countCountedButHidden(statementId, audience);
        return new SignatoryPage(
                items,
                page,
                size,
                total,
                pages(total, size),
                null,
                null,
                hidden,
                statement.getVersion(),
                statement.getContentHash());
    }

    private SignatoryPage asOf(String statementId, Instant at, boolean auditor, int page, int size) {
        StatementView statement =
                statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
        EndorsementQueries.SignatoriesAt inForce = inForceAt.get(statement, at, auditor);
        List<SignatoryAt> all = inForce.entries();
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        List<Signatory> items = all.subList(from, to).stream()
                .map(e -> Signatory.of(e, statement, auditor))
                .toList();
        Optional<StatementView.Version> version = statement.versionAt(at);
        return new SignatoryPage(
                items,
                page,
                size,
                all.size(),
                pages(all.size(), size),
                at,
                inForce.withheld(),
                inForce.countedButHidden(),
                version.map(StatementView.Version::version).orElse(null),
                version.map(StatementView.Version::contentHash).orElse(null));
    }

    private static long pages(long total, int size) {
        return (total + size - 1) / size;
    }
}
