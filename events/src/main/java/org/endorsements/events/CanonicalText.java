package org.endorsements.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The canonical form of a statement's text, whose SHA-256 is the statement's content hash. Anyone holding the
 * title and body can recompute it: Unicode NFC, line breaks as LF, trailing white space of each line removed,
 * leading and trailing blank lines removed, then {@code title + "\n\n" + body}, encoded as UTF-8.
 */
public final class CanonicalText {

    private CanonicalText() {}

    public static String of(String title, String body) {
        return normalize(title) + "\n\n" + normalize(body);
    }

    public static String contentHash(String title, String body) {
        return sha256Hex(of(title, body));
    }

    static String normalize(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n');
        String[] lines = nfc.split("\n", -1);
        StringBuilder out = new StringBuilder(nfc.length());
        for (String line : lines) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString().replaceAll("^\n+", "").replaceAll("\n+$", "");
    }

    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
