package org.endorsements.transparency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * One leaf of a statement's log: an event of the statement, without naming the organization. Its canonical encoding
 * is the JSON object with exactly these keys in this order — eventId, type, statementId, contentHash, time, source,
 * signer — no white space, every string NFC-normalized and escaped as RFC 8259 requires (only {@code "}, {@code \}
 * and control characters, the latter as {@code \\u00XX}), absent values as {@code null}, encoded as UTF-8.
 * {@code time} is ISO-8601 UTC as the topic carries it; {@code signer} is the signer commitment.
 */
public record LogLeaf(
        String eventId,
        String type,
        String statementId,
        String contentHash,
        String time,
        String source,
        String signer) {

    public byte[] canonicalBytes() {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "eventId", eventId).append(',');
        field(json, "type", type).append(',');
        field(json, "statementId", statementId).append(',');
        field(json, "contentHash", contentHash).append(',');
        field(json, "time", time).append(',');
        field(json, "source", source).append(',');
        field(json, "signer", signer);
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] hash() {
        return Hashes.leaf(canonicalBytes());
    }

    /**
     * The signer commitment: lower-case hex SHA-256(opening ‖ organization id), the opening being the 32 bytes the
     * command side drew for this statement × organization, the id in UTF-8. Whoever knows both can recompute it.
     */
    public static String commitment(String openingHex, String organizationId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(HexFormat.of().parseHex(openingHex));
            sha.update(organizationId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    private static StringBuilder field(StringBuilder json, String key, String value) {
        json.append('"').append(key).append("\":");
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        String text = Normalizer.normalize(value, Normalizer.Form.NFC);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }
}
