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
 *
 * <p>Version 2, for an event that carries the organization's Ed25519 signature: {@code "leafVersion":2} first, then
 * the version 1 keys, then {@code keyId} (the signing key) and {@code signatureDigest} (lower-case hex SHA-256 of the
 * signature's 64 raw bytes), so a checkpoint proves which signed message was recorded. An unsigned event keeps the
 * version 1 form, so a replay rebuilds every earlier leaf byte for byte.
 *
 * <p>Version 3, for an event that carries its organization's key-history commitment (an endorsement, withdrawal,
 * re-confirmation or reinstatement recorded since the command side commits to it): {@code "leafVersion":3} first,
 * then the version 1 keys, then {@code keyId} and {@code signatureDigest} (both {@code null} when unsigned), then
 * {@code keyHistoryLength} (a JSON integer) and {@code keyHistoryDigest} (64 lower-case hex digits): the number of
 * the organization's key and credential events when it was recorded and the SHA-256 chain over them
 * ({@code events/TOPIC.md}, "Key-history commitment"). A checkpoint so proves which key history every signature
 * and level of the leaf is to be judged by. Events without a commitment keep their version 1 or 2 form.
 */
public record LogLeaf(
        String eventId,
        String type,
        String statementId,
        String contentHash,
        String time,
        String source,
        String signer,
        String keyId,
        String signatureDigest,
        Integer keyHistoryLength,
        String keyHistoryDigest) {

    /** The key of the version marker; absent from a version 1 leaf. */
    public static final String VERSION_KEY = "leafVersion";

    public LogLeaf {
        if ((keyId == null) != (signatureDigest == null)) {
            throw new IllegalArgumentException("a signed leaf names both its key and its signature's digest");
        }
        if ((keyHistoryLength == null) != (keyHistoryDigest == null)) {
            throw new IllegalArgumentException("a version 3 leaf names both its key history's length and digest");
        }
        if (keyHistoryDigest != null && (keyHistoryLength < 0 || !keyHistoryDigest.matches("[0-9a-f]{64}"))) {
            throw new IllegalArgumentException("a key history is a non-negative length and a lower-case hex digest");
        }
    }

    /** A version 1 or 2 leaf: an event without a key-history commitment, signed or not. */
    public LogLeaf(
            String eventId,
            String type,
            String statementId,
            String contentHash,
            String time,
            String source,
            String signer,
            String keyId,
            String signatureDigest) {
        this(eventId, type, statementId, contentHash, time, source, signer, keyId, signatureDigest, null, null);
    }

    /** A version 1 leaf: an unsigned event. */
    public LogLeaf(
            String eventId,
            String type,
            String statementId,
            String contentHash,
            String time,
            String source,
            String signer) {
        this(eventId, type, statementId, contentHash, time, source, signer, null, null, null, null);
    }

    public int version() {
        if (keyHistoryDigest != null) {
            return 3;
        }
        return keyId == null ? 1 : 2;
    }

    /** The digest a version 2 leaf commits to: lower-case hex SHA-256 of the signature's raw bytes (base64 given). */
    public static String signatureDigest(String signatureBase64) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(java.util.Base64.getDecoder().decode(signatureBase64)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    public byte[] canonicalBytes() {
        StringBuilder json = new StringBuilder(256).append('{');
        if (version() > 1) {
            json.append('"').append(VERSION_KEY).append("\":").append(version()).append(',');
        }
        field(json, "eventId", eventId).append(',');
        field(json, "type", type).append(',');
        field(json, "statementId", statementId).append(',');
        field(json, "contentHash", contentHash).append(',');
        field(json, "time", time).append(',');
        field(json, "source", source).append(',');
        field(json, "signer", signer);
        if (version() > 1) {
            json.append(',');
            field(json, "keyId", keyId).append(',');
            field(json, "signatureDigest", signatureDigest);
        }
        if (version() == 3) {
            json.append(",\"keyHistoryLength\":").append(keyHistoryLength).append(',');
            field(json, "keyHistoryDigest", keyHistoryDigest);
        }
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
