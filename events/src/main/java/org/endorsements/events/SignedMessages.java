package org.endorsements.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    /** First line of a signed endorsement or withdrawal that names no visibility (version 1). */
    public static final String ACTION_DOMAIN = "urn:endorsements:signed-action:v1";
    /**
     * First line of a signed endorsement that names the visibility its signer asked for (version 2), so that no
     * operator can record as {@code public} an organization that signed to be counted without being named.
     */
    public static final String ACTION_DOMAIN_V2 = "urn:endorsements:signed-action:v2";
    /** First line of a signing key's certification. */
    public static final String KEY_DOMAIN = "urn:endorsements:signing-key:v1";

    /** 16 to 64 characters of the base64url alphabet; e.g. {@code openssl rand -hex 16}. */
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /**
     * How far a signature's {@code signed-at} may be from the moment the platform records it, either way: part of
     * the protocol, not a setting, because the offline verifiers hold every recorded signature to the same bound
     * as the platform that accepted it. It bounds how long a signed request captured on its way could be replayed
     * and tolerates clocks that are a few minutes apart.
     */
    public static final Duration SIGNING_TIME_WINDOW = Duration.ofMinutes(5);

    /**
     * How much later than the window check the platform may stamp the event it records (loading the aggregate,
     * retrying a concurrent write): the log's {@code time} is that stamp, so a verifier gives a signature made at the
     * window's early edge this much more. Far below the window, so it lets no stale signature through unnoticed.
     */
    public static final Duration RECORDING_DELAY_ALLOWANCE = Duration.ofSeconds(30);

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

    /**
     * The version 2 message an organization signs to endorse: the version 1 lines with the visibility it asks for
     * after its id. Only endorsements have one; a withdrawal names no visibility and is always version 1.
     */
    public static byte[] endorsement(
            StatementId statementId,
            String contentHash,
            OrganizationId organizationId,
            EndorsementVisibility visibility,
            Instant signedAt,
            String nonce) {
        return lines(
                ACTION_DOMAIN_V2,
                "action:" + Action.ENDORSE.wireName(),
                "statement:" + statementId.value(),
                "content-hash:" + contentHash,
                "organization:" + organizationId.value(),
                "visibility:" + visibility.wireName(),
                "signed-at:" + formatTime(signedAt),
                "nonce:" + nonce);
    }

    /**
     * Whether a signing time is within {@link #SIGNING_TIME_WINDOW} of {@code now}, either way: the platform's rule
     * when a signed request arrives, and a verifier's for a time the event itself records (a key's
     * {@code registeredAt} is the instant the platform checked its certification at).
     */
    public static boolean withinWindow(Instant signedAt, Instant now) {
        return Duration.between(signedAt, now).abs().compareTo(SIGNING_TIME_WINDOW) <= 0;
    }

    /**
     * Whether a signing time fits the moment a log leaf says its event was recorded ({@code time}): at most
     * {@link #SIGNING_TIME_WINDOW} after it, and at most the window plus {@link #RECORDING_DELAY_ALLOWANCE} before
     * it, since the platform checked the window when the request arrived and stamps the event a moment later.
     */
    public static boolean withinWindowOfRecording(Instant signedAt, Instant recordedAt) {
        return !signedAt.isAfter(recordedAt.plus(SIGNING_TIME_WINDOW))
                && !signedAt.isBefore(recordedAt.minus(SIGNING_TIME_WINDOW).minus(RECORDING_DELAY_ALLOWANCE));
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
