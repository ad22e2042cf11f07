package org.endorsements.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The exact bytes an organization signs with its Ed25519 key (documented in {@code TOPIC.md}, "Signed messages").
 * Each message is UTF-8 text of LF-terminated {@code name:value} lines in a fixed order; its first line names what
 * kind of message it is and its version, so a signature made for one purpose never verifies for another (domain
 * separation). Every value is a slug, lower-case hex, base64, a nonce or a time in the form
 * {@code 2026-11-01T10:00:00Z}, none of which can hold a line break, so no escaping is needed.
 */
public final class SignedMessages {

    /** First line of a signed endorsement or withdrawal. */
    public static final String ACTION_DOMAIN = "urn:endorsements:signed-action:v1";
    /** First line of a signing key's certification. */
    public static final String KEY_DOMAIN = "urn:endorsements:signing-key:v1";

    /** 16 to 64 characters of the base64url alphabet; e.g. {@code openssl rand -hex 16}. */
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private static final Pattern CONTENT_HASH = Pattern.compile("[0-9a-f]{64}");

    /** What a signed request does; the wire name is the message's {@code action} value. */
    public enum Action {
        ENDORSE("endorse"),
        WITHDRAW("withdraw");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private SignedMessages() {}

    /** The message an organization signs to endorse or withdraw. */
    public static byte[] action(
            Action action,
            StatementId statementId,
            String contentHash,
            OrganizationId organizationId,
            Instant signedAt,
            String nonce) {
        return lines(
                ACTION_DOMAIN,
                "action:" + action.wireName(),
                "statement:" + statementId.value(),
                "content-hash:" + contentHash,
                "organization:" + organizationId.value(),
                "signed-at:" + formatTime(signedAt),
                "nonce:" + nonce);
    }

    /** The message a current key (or, for an organization's very first key, the new key itself) signs. */
    public static byte[] keyCertification(
            OrganizationId organizationId,
            SigningKeyId keyId,
            String publicKey,
            SigningKeyId signerKeyId,
            Instant signedAt,
            String nonce) {
        return lines(
                KEY_DOMAIN,
                "action:register-key",
                "organization:" + organizationId.value(),
                "key-id:" + keyId.value(),
                "public-key:" + publicKey,
                "signer-key-id:" + signerKeyId.value(),
                "signed-at:" + formatTime(signedAt),
                "nonce:" + nonce);
    }

    public static boolean isNonce(String value) {
        return value != null && NONCE.matcher(value).matches();
    }

    public static boolean isContentHash(String value) {
        return value != null && CONTENT_HASH.matcher(value).matches();
    }

    /** A signing time as messages carry it: UTC, whole seconds, e.g. {@code 2026-11-01T10:00:00Z}. */
    public static String formatTime(Instant time) {
        if (time.getNano() != 0) {
            throw new IllegalArgumentException("signing times are whole seconds");
        }
        return DateTimeFormatter.ISO_INSTANT.format(time);
    }

    /** The instant of a signing time written exactly as {@link #formatTime(Instant)} writes it, else empty. */
    public static Optional<Instant> parseTime(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Instant time = Instant.parse(text);
            return time.getNano() == 0 && formatTime(time).equals(text) ? Optional.of(time) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static byte[] lines(String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
