package org.endorsements.cli.letter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editable form of a letter: a Markdown file with a small front matter (statementId, title, language,
 * listIntro, closingNote, signatories; and, for a letter whose text is a translation, translator and
 * originalLanguage; country, the country of every signatory; signatureGoal and closesAt, the campaign's targets)
 * and the text, plus a CSV of the signatories ({@code entry,name}) as written.
 */
public final class StructuredLetter {

    /**
     * A letter with the statement's identity. {@code translator} and {@code originalLanguage} (both or neither)
     * say that its text is a translation of an original that is not in the file; {@code country}, when given, is
     * the ISO 3166-1 alpha-2 country of every signatory. {@code targets}, when not {@link Targets#NONE}, are the goal
     * and closing time the import sets (as {@code PUT /api/statements/{id}/targets} does).
     */
    public record Statement(
            String statementId,
            String title,
            String language,
            Letter letter,
            String translator,
            String originalLanguage,
            String country,
            Targets targets) {

        /** A statement without targets: the import leaves the statement's own as they are. */
        public Statement(
                String statementId,
                String title,
                String language,
                Letter letter,
                String translator,
                String originalLanguage,
                String country) {
            this(statementId, title, language, letter, translator, originalLanguage, country, Targets.NONE);
        }
    }

    /**
     * A signature goal and a closing time, either or both absent. Kept as the front matter writes them (the goal a
     * number, the closing time an ISO-8601 instant); the platform validates them, as it does for the API.
     */
    public record Targets(Integer signatureGoal, Instant closesAt) {

        public static final Targets NONE = new Targets(null, null);

        public boolean any() {
            return signatureGoal != null || closesAt != null;
        }
    }

    private StructuredLetter() {}

    public static Statement read(Path markdown) throws IOException, LetterFormatException {
        List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            throw new LetterFormatException(1, "a statement file starts with a '---' front matter block");
        }
        Map<String, String> front = new LinkedHashMap<>();
        int i = 1;
        for (; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new LetterFormatException(i + 1, "front matter lines are 'key: value'");
            }
            front.put(
                    line.substring(0, colon).strip(),
                    unquote(line.substring(colon + 1).strip()));
        }
        if (i == lines.size()) {
            throw new LetterFormatException(i, "the front matter block is not closed with '---'");
        }
        String body = String.join("\n", lines.subList(i + 1, lines.size())).strip();
        String signatoriesFile = require(front, "signatories", i);
        List<Letter.Entry> entries = readSignatories(markdown.resolveSibling(signatoriesFile));
        Letter letter = new Letter(body, front.get("listIntro"), entries, front.get("closingNote"));
        return new Statement(
                require(front, "statementId", i),
                require(front, "title", i),
                front.getOrDefault("language", "en"),
                letter,
                front.get("translator"),
                front.get("originalLanguage"),
                front.get("country"),
                targets(front, i));
    }

    private static Targets targets(Map<String, String> front, int line) throws LetterFormatException {
        Integer goal = null;
        Instant closesAt = null;
        String goalText = front.get("signatureGoal");
        if (goalText != null && !goalText.isBlank()) {
            try {
                goal = Integer.valueOf(goalText.strip());
            } catch (NumberFormatException e) {
                throw new LetterFormatException(line, "signatureGoal '" + goalText + "' is not a whole number");
            }
        }
        String closesAtText = front.get("closesAt");
        if (closesAtText != null && !closesAtText.isBlank()) {
            try {
                closesAt = Instant.parse(closesAtText.strip());
            } catch (DateTimeParseException e) {
                throw new LetterFormatException(
                        line, "closesAt '" + closesAtText + "' is not an instant like 2027-03-01T00:00:00Z");
            }
        }
        return new Targets(goal, closesAt);
    }

    public static void write(Path directory, String baseName, Statement statement) throws IOException {
        Files.createDirectories(directory);
        String csvName = baseName + "-signatories.csv";
        StringBuilder md = new StringBuilder("---\n")
                .append("statementId: ")
                .append(statement.statementId())
                .append('\n')
                .append("title: ")
                .append(quote(statement.title()))
                .append('\n')
                .append("language: ")
                .append(statement.language())
                .append('\n');
        if (statement.letter().listIntro() != null) {
            md.append("listIntro: ")
                    .append(quote(statement.letter().listIntro()))
                    .append('\n');
        }
        if (statement.letter().closingNote() != null) {
            md.append("closingNote: ")
                    .append(quote(statement.letter().closingNote()))
                    .append('\n');
        }
        if (statement.translator() != null) {
            md.append("translator: ").append(quote(statement.translator())).append('\n');
        }
        if (statement.originalLanguage() != null) {
            md.append("originalLanguage: ").append(statement.originalLanguage()).append('\n');
        }
        if (statement.country() != null) {
            md.append("country: ").append(statement.country()).append('\n');
        }
        if (statement.targets().signatureGoal() != null) {
            md.append("signatureGoal: ")
                    .append(statement.targets().signatureGoal())
                    .append('\n');
        }
        if (statement.targets().closesAt() != null) {
            md.append("closesAt: ").append(statement.targets().closesAt()).append('\n');
        }
        md.append("signatories: ")
                .append(csvName)
                .append('\n')
                .append("---\n\n")
                .append(statement.letter().body())
                .append('\n');
        Files.writeString(directory.resolve(baseName + ".md"), md.toString(), StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("entry,name\n");
        for (Letter.Entry entry : statement.letter().entries()) {
            csv.append(entry.number() == null ? "" : entry.number())
                    .append(',')
                    .append(csvField(entry.name()))
                    .append('\n');
        }
        Files.writeString(directory.resolve(csvName), csv.toString(), StandardCharsets.UTF_8);
    }

    private static List<Letter.Entry> readSignatories(Path csv) throws IOException, LetterFormatException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<Letter.Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            if (comma < 0) {
                throw new LetterFormatException(i + 1, csv.getFileName() + ": expected 'entry,name'");
            }
            String number = line.substring(0, comma).strip();
            String name = unquoteCsv(line.substring(comma + 1).strip());
            try {
                entries.add(new Letter.Entry(number.isEmpty() ? null : Integer.valueOf(number), name, i + 1));
            } catch (NumberFormatException e) {
                throw new LetterFormatException(i + 1, csv.getFileName() + ": entry '" + number + "' is not a number");
            }
        }
        return entries;
    }

    private static String require(Map<String, String> front, String key, int line) throws LetterFormatException {
        String value = front.get(key);
        if (value == null || value.isBlank()) {
            throw new LetterFormatException(line, "the front matter needs '" + key + "'");
        }
        return value;
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String unquoteCsv(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\"\"", "\"");
        }
        return value;
    }
}
