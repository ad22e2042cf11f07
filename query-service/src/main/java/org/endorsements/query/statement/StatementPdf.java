package org.endorsements.query.statement;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.endorsements.query.log.PublishedCheckpoints;

/**
 * The statement's letter as a PDF to deliver or print: the same text, numbered signatories and as-of line as the
 * Markdown document, then what a reader needs to check the printed list against the public log (the log's tree
 * size and root hash, the verifier key and its id, the signed checkpoint). One font, DejaVu Serif, embedded as a
 * subset: PDFBox's standard fonts cover no more than Latin-1, and names may hold any letter. A character the font
 * lacks is printed as U+FFFD, never dropped silently.
 * <p>
 * Pages are kept in a temporary file, not in memory, so a letter with a long list costs disk, not heap.
 */
public final class StatementPdf implements StatementDocument.Letter, AutoCloseable {

    private static final String FONT = "/fonts/DejaVuSerif.ttf";
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float TITLE_SIZE = 16;
    private static final float TEXT_SIZE = 11;
    private static final float SMALL_SIZE = 8.5f;
    private static final float LEADING = 1.35f;
    private static final String REPLACEMENT = "\uFFFD";
    private static volatile byte[] fontBytes;

    private final PDDocument document;
    private final PDType0Font font;
    private final String statementId;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream content;
    private float y;
    private long number;

    public StatementPdf(String statementId, String title, String language) throws IOException {
        this.statementId = statementId;
        this.document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        this.font = PDType0Font.load(document, new RandomAccessReadBuffer(font()), true, false);
        document.getDocumentInformation().setTitle(title);
        if (language != null) {
            document.getDocumentCatalog().setLanguage(language);
        }
        newPage();
    }

    @Override
    public void opening(String title, String body, String listIntro) throws IOException {
        paragraph(title, TITLE_SIZE);
        space(TEXT_SIZE);
        for (String paragraph : body.strip().split("\\n\\s*\\n")) {
            paragraph(paragraph, TEXT_SIZE);
            space(TEXT_SIZE / 2);
        }
        if (listIntro != null) {
            paragraph(listIntro, TEXT_SIZE);
            space(TEXT_SIZE / 2);
        }
    }

    @Override
    public void signatory(String name, String assurance, Integer earlierVersion) throws IOException {
        paragraph(StatementDocument.signatoryLine(++number, name, assurance, earlierVersion), TEXT_SIZE);
    }

    @Override
    public void version(int version, String contentHash) throws IOException {
        paragraph(StatementDocument.versionLine(version, contentHash), SMALL_SIZE);
    }

    @Override
    public void closing(String closingNote, Instant asOf, int withheld, long countedButHidden) throws IOException {
        space(TEXT_SIZE);
        if (closingNote != null) {
            paragraph(closingNote, TEXT_SIZE);
            space(TEXT_SIZE / 2);
        }
        paragraph(StatementDocument.asOfLine(asOf, number + countedButHidden, withheld, countedButHidden), TEXT_SIZE);
        if (number > 0) {
            // As in the Markdown letter: a printed copy must explain the levels on its own.
            space(TEXT_SIZE / 2);
            paragraph(StatementDocument.ASSURANCE_LEGEND, SMALL_SIZE);
        }
    }

    /** The last part: how to check this letter against the statement's public log. */
    public void log(Optional<PublishedCheckpoints.Checkpoint> checkpoint) throws IOException {
        space(TEXT_SIZE * 2);
        paragraph("Checking this letter against the public log", TEXT_SIZE);
        space(SMALL_SIZE / 2);
        if (checkpoint.isEmpty()) {
            paragraph("The statement's log had no signed checkpoint yet when this letter was made.", SMALL_SIZE);
            return;
        }
        PublishedCheckpoints.Checkpoint c = checkpoint.get();
        for (String line : List.of(
                "The latest signed checkpoint of the statement's log when this letter was made:",
                "Log tree size: " + c.treeSize(),
                "Root hash (SHA-256): " + c.rootHash(),
                "Verifier key id: " + c.keyId(),
                "Verifier key: " + c.verifierKey(),
                "Check: ./endorsements audit verify-log " + statementId + " --key <the verifier key>",
                "Signed checkpoint:")) {
            paragraph(line, SMALL_SIZE);
        }
        for (String line : c.note().strip().split("\\n")) {
            paragraph(line.isEmpty() ? " " : line, SMALL_SIZE);
        }
    }

    /** Writes the finished document; the instance is closed after it. */
    public void writeTo(OutputStream out) throws IOException {
        try {
            content.close();
            content = null;
            document.save(out);
        } finally {
            close();
        }
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
        document.close();
    }

    private void paragraph(String text, float size) throws IOException {
        for (String line : wrap(printable(text), size, PAGE.getWidth() - 2 * MARGIN)) {
            float height = size * LEADING;
            if (y - height < MARGIN) {
                newPage();
            }
            y -= height;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(line);
            content.endText();
        }
    }

    private void space(float points) {
        y -= points;
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** Lines of at most {@code width}, broken at spaces, or inside a word longer than a line. */
    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String source : text.split("\\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : source.strip().split("\\s+")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, size) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Control characters become spaces; a character the font cannot show becomes U+FFFD. */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (printable.computeIfAbsent(cp, this::hasGlyph)) {
                out.appendCodePoint(cp);
            } else {
                out.append(REPLACEMENT);
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static byte[] font() {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = StatementPdf.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException(FONT + " is missing from the class path");
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fontBytes = bytes;
        }
        return bytes;
    }
}
