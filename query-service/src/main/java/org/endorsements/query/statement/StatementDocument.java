package org.endorsements.query.statement;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A statement as a document, the way sign-on letters circulate: its text, the line that opens the list, the
 * numbered list of signatories, the closing line, and the instant the list is true for. Signatories are numbered
 * 1..n in document order: a withdrawal leaves no hole in the numbering that would point at who withdrew.
 */
public final class StatementDocument {

    public enum Format { MARKDOWN, PLAIN }

    /** {@code withheld}: organizations in force at that instant that have withdrawn since, not named. */
    public record Content(String title, String body, String listIntro, String closingNote, List<String> names,
            Instant asOf, int withheld) {
    }

    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>|~])");

    private StatementDocument() {
    }

    public static String render(Content c, Format format) {
        boolean md = format == Format.MARKDOWN;
        StringBuilder out = new StringBuilder();
        if (md) {
            out.append("# ").append(escape(c.title())).append("\n\n");
        } else {
            out.append(c.title()).append('\n').append("=".repeat(Math.min(c.title().length(), 80))).append("\n\n");
        }
        out.append(c.body().strip()).append("\n\n");
        if (c.listIntro() != null) {
            out.append(md ? escape(c.listIntro()) : c.listIntro()).append("\n\n");
        }
        int number = 1;
        for (String name : c.names()) {
            out.append(number++).append(") ").append(md ? escape(name) : name).append('\n');
        }
        out.append('\n');
        if (c.closingNote() != null) {
            out.append(md ? escape(c.closingNote()) : c.closingNote()).append("\n\n");
        }
        String asOf = "As of " + c.asOf() + ": " + c.names().size()
                + (c.names().size() == 1 ? " signatory" : " signatories")
                + (c.withheld() > 0 ? " (" + c.withheld() + " who have withdrawn since are not named)" : "") + ".";
        out.append(md ? "_" + asOf + "_" : asOf).append('\n');
        return out.toString();
    }

    /** Names and titles are data, not Markdown: every character Markdown would act on is escaped. */
    static String escape(String text) {
        return MARKDOWN_SPECIAL.matcher(text).replaceAll("\\\\$1").replaceAll("^(\\d+)([.)])", "$1\\\\$2")
                .replaceAll("^([-=#+])", "\\\\$1");
    }
}
