package org.endorsements.cli.letter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sign-on letters: text paragraphs, then a list of entries {@code N) Name} (also {@code N.}, {@code N -},
 * {@code N –}), then optionally a credit line. Tolerates blank lines, trailing spaces, dashes, accents and entries
 * without a number; refuses anything it would have to guess, naming the line.
 */
public final class LetterParser {

    private static final Pattern ENTRY = Pattern.compile("^(\\d{1,5})\\s*[).:\\-–—]\\s*(.*)$");
    private static final Pattern BULLET = Pattern.compile("^[-–—•*]\\s+(.+)$");
    private static final Pattern CREDIT = Pattern.compile(
            "^(translated|translation|traducido|traducci[oó]n|compiled|compilado|credits?|cr[eé]ditos?)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t]]");
    private static final int MAX_NAME_LENGTH = 200;

    private LetterParser() {}

    public static Letter parse(byte[] bytes) throws LetterFormatException {
        return parse(decode(bytes));
    }

    public static Letter parse(String text) throws LetterFormatException {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> body = new ArrayList<>();
        List<Letter.Entry> entries = new ArrayList<>();
        String closingNote = null;
        int firstEntryLine = -1;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = Normalizer.normalize(lines[i].strip(), Normalizer.Form.NFC);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (CONTROL.matcher(line).find()) {
                throw new LetterFormatException(lineNumber, "contains control characters");
            }
            if (line.isEmpty()) {
                if (firstEntryLine < 0) {
                    body.add("");
                }
                continue;
            }
            if (closingNote != null) {
                throw new LetterFormatException(
                        lineNumber, "unexpected text after the closing line \"" + closingNote + "\"");
            }
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                firstEntryLine = firstEntryLine < 0 ? lineNumber : firstEntryLine;
                entries.add(entry(Integer.parseInt(entry.group(1)), entry.group(2), lineNumber, entries));
            } else if (firstEntryLine < 0) {
                body.add(line);
            } else if (CREDIT.matcher(line).matches()) {
                closingNote = line;
            } else {
                Matcher bullet = BULLET.matcher(line);
                entries.add(entry(null, bullet.matches() ? bullet.group(1) : line, lineNumber, entries));
            }
        }
        if (entries.isEmpty()) {
            throw new LetterFormatException(lines.length, "no signatory list found (expected lines like \"1) Name\")");
        }
        List<String> paragraphs = paragraphs(body);
        if (paragraphs.isEmpty()) {
            throw new LetterFormatException(firstEntryLine, "the letter has no text before its signatory list");
        }
        String listIntro = null;
        String last = paragraphs.get(paragraphs.size() - 1);
        if (!last.contains("\n") && last.endsWith(":") && paragraphs.size() > 1) {
            listIntro = last;
            paragraphs = paragraphs.subList(0, paragraphs.size() - 1);
        }
        return new Letter(String.join("\n\n", paragraphs), listIntro, List.copyOf(entries), closingNote);
    }

    private static Letter.Entry entry(Integer number, String rawName, int line, List<Letter.Entry> before)
            throws LetterFormatException {
        String name = rawName.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new LetterFormatException(line, "entry " + (number == null ? "" : number + " ") + "has no name");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw new LetterFormatException(line, "the name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (number != null) {
            for (Letter.Entry earlier : before) {
                if (earlier.number() != null && earlier.number() >= number) {
                    throw new LetterFormatException(
                            line,
                            "entry number " + number + " does not follow entry " + earlier.number() + " (line "
                                    + earlier.line() + ")");
                }
            }
        }
        return new Letter.Entry(number, name, line);
    }

    /** Paragraphs are runs of non-blank lines; lines inside a paragraph keep their line breaks. */
    private static List<String> paragraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (current.length() > 0) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
            } else {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(line);
            }
        }
        if (current.length() > 0) {
            paragraphs.add(current.toString());
        }
        return paragraphs;
    }

    private static String decode(byte[] bytes) throws LetterFormatException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder text = new StringBuilder(bytes.length);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    text.append(decoder.decode(ByteBuffer.wrap(bytes, start, i - start)));
                } catch (CharacterCodingException e) {
                    throw new LetterFormatException(line, "is not valid UTF-8 (save the letter as UTF-8 text)");
                }
                if (i < bytes.length) {
                    text.append('\n');
                }
                start = i + 1;
                line++;
            }
        }
        return text.toString();
    }
}
