package org.endorsements.cli.importing;

import java.io.IOException;
import java.io.PrintStream;
import org.endorsements.cli.letter.Letter;
import org.endorsements.cli.letter.SignatoryAnalysis;
import org.endorsements.cli.letter.StructuredLetter;
import org.endorsements.http.ApiReply;
import org.endorsements.http.Problem;

/**
 * Imports a letter through the platform's own write API, as an admin recording signatures collected elsewhere:
 * publishes the statement, registers each organization, records each endorsement with its entry number. Safe to
 * run again: what exists already is left as it is (409 / 200 answers), so a second run changes nothing.
 */
public final class LetterImport {

    private static final String ALREADY_EXISTS = org.endorsements.events.ProblemTypes.of("already-exists");
    private static final String STATEMENT_CLOSED = org.endorsements.events.ProblemTypes.of("statement-closed");

    /** What the run did, for the report. */
    public record Outcome(
            boolean statementPublished, int organizationsRegistered, int endorsementsRecorded, int alreadyEndorsed) {}

    private static final boolean INTERACTIVE = System.console() != null;

    private final PlatformClient platform;
    private final PrintStream out;

    public LetterImport(PlatformClient platform, PrintStream out) {
        this.platform = platform;
        this.out = out;
    }

    public Outcome run(StructuredLetter.Statement statement, SignatoryAnalysis.Result analysis)
            throws IOException, ImportFailedException {
        Letter letter = statement.letter();
        ApiReply published = platform.publishStatement(
                statement.statementId(),
                statement.title(),
                letter.body(),
                statement.language(),
                letter.listIntro(),
                letter.closingNote(),
                statement.translator(),
                statement.originalLanguage());
        boolean newStatement = published.status() == 201;
        if (!newStatement && !ALREADY_EXISTS.equals(problemType(published))) {
            throw new ImportFailedException("publishing the statement failed", published);
        }
        out.printf(
                "Statement %s: %s%n",
                statement.statementId(),
                newStatement
                        ? "published, content hash "
                                + published.json().path("contentHash").asText()
                        : "already published");
        setTargets(statement);
        int registered = 0;
        int recorded = 0;
        int already = 0;
        int done = 0;
        int total = analysis.signatories().size();
        for (SignatoryAnalysis.Signatory signatory : analysis.signatories()) {
            Letter.Entry entry = signatory.entry();
            // An organization registered before keeps its profile: an import never overwrites what it set itself.
            ApiReply organization =
                    platform.registerOrganization(signatory.organizationId(), entry.name(), statement.country());
            if (organization.status() == 201) {
                registered++;
            } else if (!ALREADY_EXISTS.equals(problemType(organization))) {
                throw new ImportFailedException(
                        "registering \"" + entry.name() + "\" (line " + entry.line() + ") failed", organization);
            }
            ApiReply endorsement =
                    platform.recordEndorsement(statement.statementId(), signatory.organizationId(), entry.number());
            switch (endorsement.status()) {
                case 201 -> recorded++;
                case 200 -> already++;
                default ->
                    throw new ImportFailedException(
                            "recording the endorsement of \"" + entry.name() + "\" (line " + entry.line() + ") failed",
                            endorsement);
            }
            done++;
            progress(done, total, entry.name());
        }
        if (INTERACTIVE) {
            out.println();
        }
        return new Outcome(newStatement, registered, recorded, already);
    }

    /**
     * The letter's goal and closing time, through the admin's own {@code PUT …/targets}: the statement records
     * {@code StatementTargetsSet} only when they differ from the ones in force, so a second run records nothing. A
     * letter that names no targets leaves the statement's as they are; a closed statement keeps its own.
     */
    private void setTargets(StructuredLetter.Statement statement) throws IOException, ImportFailedException {
        StructuredLetter.Targets targets = statement.targets();
        if (!targets.any()) {
            return;
        }
        ApiReply reply = platform.setTargets(statement.statementId(), targets.signatureGoal(), targets.closesAt());
        String described = (targets.signatureGoal() == null
                        ? "no signature goal"
                        : "a goal of " + targets.signatureGoal() + " signatures")
                + ", "
                + (targets.closesAt() == null ? "no closing time" : "closing at " + targets.closesAt());
        if (reply.status() == 200) {
            out.printf("Targets: %s%n", described);
        } else if (STATEMENT_CLOSED.equals(problemType(reply))) {
            out.printf(
                    "Targets: the statement is closed, its targets stay as they were (the letter asks for %s)%n",
                    described);
        } else {
            throw new ImportFailedException("setting the statement's targets failed", reply);
        }
    }

    private static String problemType(ApiReply reply) {
        return reply.problem().map(Problem::type).orElse("");
    }

    /** One rewritten line on a terminal; a line per tenth when the output goes to a file. */
    private void progress(int done, int total, String name) {
        if (INTERACTIVE) {
            out.printf("\r  [%d/%d] %-52s", done, total, truncate(name));
        } else if (done == total || done % Math.max(1, total / 10) == 0) {
            out.printf("  [%d/%d] recorded%n", done, total);
        }
    }

    private static String truncate(String name) {
        return name.length() <= 50 ? name : name.substring(0, 49) + "…";
    }

    /** The platform refused something; the message says what and the problem type it answered. */
    public static final class ImportFailedException extends Exception {
        ImportFailedException(String what, ApiReply reply) {
            super(what + ": HTTP " + reply.status()
                    + reply.problem()
                            .map(p -> " " + p.type() + " " + p.detail())
                            .orElse(""));
        }
    }
}
