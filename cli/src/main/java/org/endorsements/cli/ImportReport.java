package org.endorsements.cli;

import java.io.PrintStream;
import org.endorsements.cli.letter.Letter;
import org.endorsements.cli.letter.SignatoryAnalysis;

/** The report a person reviews after an import. */
final class ImportReport {

    private ImportReport() {}

    static void print(SignatoryAnalysis.Result analysis, Letter letter, PrintStream out) {
        out.println();
        out.println("Import report");
        out.printf("  entries in the letter:      %d%n", letter.entries().size());
        out.printf("  organizations endorsed:     %d%n", analysis.signatories().size());
        out.printf(
                "  exact duplicates (recorded once): %d%n",
                analysis.duplicates().size());
        for (SignatoryAnalysis.Duplicate d : analysis.duplicates()) {
            out.printf(
                    "    entry %s (line %d) \"%s\" repeats entry %s (line %d) \"%s\"%n",
                    number(d.entry()),
                    d.entry().line(),
                    d.entry().name(),
                    number(d.original()),
                    d.original().line(),
                    d.original().name());
        }
        out.printf(
                "  near-duplicates to review (not merged): %d%n",
                analysis.nearDuplicates().size());
        for (SignatoryAnalysis.NearDuplicate n : analysis.nearDuplicates()) {
            out.printf(
                    "    entry %s \"%s\" and entry %s \"%s\": %s%n",
                    number(n.first()),
                    n.first().name(),
                    number(n.second()),
                    n.second().name(),
                    n.why());
        }
        out.printf(
                "  gaps in the numbering:      %s%n",
                analysis.missingNumbers().isEmpty() ? "none" : analysis.missingNumbers());
        if (!analysis.unnumbered().isEmpty()) {
            out.printf(
                    "  entries without a number:   %d%n", analysis.unnumbered().size());
            for (Letter.Entry e : analysis.unnumbered()) {
                out.printf("    line %d \"%s\"%n", e.line(), e.name());
            }
        }
        if (letter.closingNote() != null) {
            out.printf("  closing line kept:          \"%s\"%n", letter.closingNote());
        }
        out.println("  names are kept exactly as written, typos included: the platform records what was signed.");
    }

    private static String number(Letter.Entry entry) {
        return entry.number() == null ? "(no number)" : entry.number().toString();
    }
}
