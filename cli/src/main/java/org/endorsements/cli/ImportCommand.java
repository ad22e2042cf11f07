package org.endorsements.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.endorsements.cli.importing.LetterImport;
import org.endorsements.cli.importing.PlatformClient;
import org.endorsements.cli.letter.Letter;
import org.endorsements.cli.letter.LetterFormatException;
import org.endorsements.cli.letter.LetterParser;
import org.endorsements.cli.letter.SignatoryAnalysis;
import org.endorsements.cli.letter.StructuredLetter;
import org.endorsements.events.Identifiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        description = {
            "Imports a sign-on letter (.txt) or its structured form (.md with a signatories CSV) through the platform's",
            "write API, then reports exact duplicates, near-duplicates and gaps in the numbering. Running it twice",
            "changes nothing the second time."
        })
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the letter: a .txt sign-on letter, or a .md statement file")
    Path file;

    @Option(
            names = "--command-url",
            defaultValue = "${env:ENDORSEMENTS_COMMAND_URL:-http://127.0.0.1:8080}",
            description = "the command service (default: ${DEFAULT-VALUE})")
    String commandUrl;

    @Option(
            names = "--admin-key",
            defaultValue = "${env:ENDORSEMENTS_ADMIN_KEY}",
            description = "the admin API key (default: $ENDORSEMENTS_ADMIN_KEY)")
    String adminKey;

    @Option(names = "--statement-id", description = "for a .txt letter: the statement's id (default: from the title)")
    String statementId;

    @Option(names = "--title", description = "for a .txt letter: the statement's title (required)")
    String title;

    @Option(names = "--language", defaultValue = "en", description = "for a .txt letter (default: ${DEFAULT-VALUE})")
    String language;

    @Option(names = "--dry-run", description = "read and report only; send nothing")
    boolean dryRun;

    @Option(
            names = "--write-structured",
            paramLabel = "DIR",
            description = "also write the structured form (.md and -signatories.csv) into DIR")
    Path structuredDir;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        StructuredLetter.Statement statement;
        try {
            statement = read();
        } catch (LetterFormatException e) {
            System.err.println(file + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        SignatoryAnalysis.Result analysis = SignatoryAnalysis.analyze(statement.letter());
        out.printf(
                "Read %s: %d paragraphs, %d entries, %d organizations%n",
                file,
                statement.letter().body().split("\n\n").length,
                statement.letter().entries().size(),
                analysis.signatories().size());
        if (structuredDir != null) {
            String base = statement.statementId();
            StructuredLetter.write(structuredDir, base, statement);
            out.printf(
                    "Wrote %s and %s%n",
                    structuredDir.resolve(base + ".md"), structuredDir.resolve(base + "-signatories.csv"));
        }
        if (!dryRun) {
            if (adminKey == null || adminKey.isBlank()) {
                System.err.println("No admin key: pass --admin-key or set ENDORSEMENTS_ADMIN_KEY");
                return 2;
            }
            try {
                LetterImport.Outcome outcome =
                        new LetterImport(new PlatformClient(commandUrl, adminKey), out).run(statement, analysis);
                out.printf(
                        "Imported: statement %s, %d organizations registered, %d endorsements recorded, "
                                + "%d already recorded%n",
                        outcome.statementPublished() ? "published" : "unchanged",
                        outcome.organizationsRegistered(),
                        outcome.endorsementsRecorded(),
                        outcome.alreadyEndorsed());
            } catch (LetterImport.ImportFailedException e) {
                System.err.println("Import stopped: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                System.err.println("The command service does not answer at " + commandUrl + ": " + e.getMessage());
                return 1;
            }
        }
        ImportReport.print(analysis, statement.letter(), out);
        return 0;
    }

    private StructuredLetter.Statement read() throws IOException, LetterFormatException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        if (file.getFileName().toString().endsWith(".md")) {
            return StructuredLetter.read(file);
        }
        Letter letter = LetterParser.parse(Files.readAllBytes(file));
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("A .txt letter has no title: pass --title (and --statement-id)");
        }
        String id = statementId != null ? statementId : Identifiers.slugOf(title);
        if (!Identifiers.isSlug(id)) {
            throw new IllegalArgumentException("--statement-id must be 1-100 characters of a-z, 0-9 and dashes");
        }
        return new StructuredLetter.Statement(id, title.strip(), language, letter, null, null, null);
    }
}
