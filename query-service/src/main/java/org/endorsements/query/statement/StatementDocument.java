package org.endorsements.query.statement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A statement as a document, the way sign-on letters circulate: its text, the line that opens the list, the
 * numbered list of signatories, the closing line, and the instant the list is true for. Signatories are numbered
 * 1..n in document order: a withdrawal leaves no hole in the numbering that would point at who withdrew. Each
 * signatory is followed by its assurance level in parentheses, and the closing says what the levels mean: a reader
 * of a forwarded letter has no other view to learn whether a signature rests on the organization's own key.
 */
public final class StatementDocument {

    public enum Format {
        MARKDOWN,
        PLAIN
    }

    /** A named signatory and what vouches for its signature (an assurance level's wire name). */
    public record Signatory(String name, String assurance) {}

    /** What the closing says about the levels, so that a letter read on its own explains them. */
    static final String ASSURANCE_LEGEND = "In parentheses, what vouches for each signature: organization-key (a"
            + " signature by the organization's own key), organization-credential (its API key), admin-issued-credential"
            + " (a key the platform's operator issued), imported (recorded by the operator from another channel).";

    /** {@code withheld}: organizations in force at that instant that have withdrawn since, not named. */
    public record Content(
            String title,
            String body,
            String listIntro,
            String closingNote,
            List<Signatory> signatories,
            Instant asOf,
            int withheld) {}

    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>|~])");

    private StatementDocument() {}

    public static String render(Content c, Format format) {
        StringBuilder out = new StringBuilder();
        Writer writer = new Writer(out, format);
        try {
            writer.opening(c.title(), c.body(), c.listIntro());
            for (Signatory signatory : c.signatories()) {
                writer.signatory(signatory.name(), signatory.assurance());
            }
            writer.closing(c.closingNote(), c.asOf(), c.withheld());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    /**
     * Writes a document part by part, so that a long list of signatories can be streamed from a cursor: the
     * opening, then each signatory in document order, then the closing with the count of what was written.
     */
    public static final class Writer implements Letter {

        private final Appendable out;
        private final boolean md;
        private long number;

        public Writer(Appendable out, Format format) {
            this.out = out;
            this.md = format == Format.MARKDOWN;
        }

        @Override
        public void opening(String title, String body, String listIntro) throws IOException {
            if (md) {
                out.append("# ").append(escape(title)).append("\n\n");
            } else {
                out.append(title)
                        .append('\n')
                        .append("=".repeat(Math.min(title.length(), 80)))
                        .append("\n\n");
            }
            out.append(body.strip()).append("\n\n");
            if (listIntro != null) {
                out.append(md ? escape(listIntro) : listIntro).append("\n\n");
            }
        }

        public void signatory(String name, String assurance) throws IOException {
            signatory(name, assurance, null);
        }

        /**
         * {@code assurance} is a level's wire name (lower case and dashes: nothing to escape); {@code earlierVersion}
         * the version the signatory endorsed, when not the one the document shows.
         */
        @Override
        public void signatory(String name, String assurance, Integer earlierVersion) throws IOException {
            out.append(signatoryLine(++number, md ? escape(name) : name, assurance, earlierVersion))
                    .append('\n');
        }

        /**
         * Which version of the text the document shows, for a statement that has more than one: the reader can
         * tell the signatures of this text from those of an earlier one, which are marked.
         */
        @Override
        public void version(int version, String contentHash) throws IOException {
            String line = versionLine(version, contentHash);
            out.append(md ? "_" + line + "_" : line).append('\n');
        }

        public void closing(String closingNote, Instant asOf, int withheld) throws IOException {
            closing(closingNote, asOf, withheld, 0);
        }

        @Override
        public void closing(String closingNote, Instant asOf, int withheld, long countedButHidden) throws IOException {
            out.append('\n');
            if (closingNote != null) {
                out.append(md ? escape(closingNote) : closingNote).append("\n\n");
            }
            String line = asOfLine(asOf, number + countedButHidden, withheld, countedButHidden);
            out.append(md ? "_" + line + "_" : line).append('\n');
            if (number > 0) {
                out.append('\n').append(ASSURANCE_LEGEND).append('\n');
            }
        }
    }

    /** The parts of a letter, in the order they are written: one opening, each signatory, one closing. */
    public interface Letter {

        void opening(String title, String body, String listIntro) throws IOException;

        /**
         * {@code assurance} is a level's wire name (lower case and dashes: nothing to escape); {@code earlierVersion}
         * the version the signatory endorsed, when not the one the letter shows, else null.
         */
        void signatory(String name, String assurance, Integer earlierVersion) throws IOException;

        /** Which version of the text the letter shows, for a statement that has more than one. */
        void version(int version, String contentHash) throws IOException;

        /**
         * {@code countedButHidden}: signatories counted in the total but not named (their own choice, or their
         * organization hidden); they take no number, so no gap in the list points at them.
         */
        void closing(String closingNote, Instant asOf, int withheld, long countedButHidden) throws IOException;
    }

    /** A numbered signatory, its level in parentheses, and the version it signed when an earlier one. */
    public static String signatoryLine(long number, String name, String assurance, Integer earlierVersion) {
        return number + ") " + name + " (" + assurance + ")"
                + (earlierVersion == null ? "" : " (signed version " + earlierVersion + ")");
    }

    /**
     * Which version of the text a letter shows: the reader can tell the signatures of this text from those of an
     * earlier one, which are marked.
     */
    public static String versionLine(int version, String contentHash) {
        return "Text of version " + version + " (content hash " + contentHash
                + "); a signatory marked with an earlier version has not re-confirmed this one.";
    }

    /** The line that says what instant the list is true for and how many it counts, named or not. */
    public static String asOfLine(Instant asOf, long total, int withheld, long countedButHidden) {
        return "As of " + asOf + ": " + total + (total == 1 ? " signatory" : " signatories")
                + (countedButHidden > 0 ? ", " + countedButHidden + " of them counted but not named" : "")
                + (withheld > 0 ? " (" + withheld + " who have withdrawn since are not named)" : "") + ".";
    }

    /** Names and titles are data, not Markdown: every character Markdown would act on is escaped. */
    static String escape(String text) {
        return MARKDOWN_SPECIAL
                .matcher(text)
                .replaceAll("\\\\$1")
                .replaceAll("^(\\d+)([.)])", "$1\\\\$2")
                .replaceAll("^([-=#+])", "\\\\$1");
    }
}
