package org.endorsements.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What an organization's key history was when the platform recorded one of its endorsements, withdrawals,
 * re-confirmations or reinstatements: the number of entries ({@code length}) and a SHA-256 hash chain over them
 * ({@code digest}, lower-case hex). The event carries it and its version 3 log leaf commits to it, so an operator who
 * adds, changes or removes a key or credential event in a view store (to make a forged signature verify, or to raise
 * a level) is caught by any verifier that recomputes the chain over the entries it was given.
 *
 * <p>The entries are the organization's {@link #isEntry key-history events} in the order of its aggregate:
 * {@link SigningKeyRegistered}, {@link SigningKeyRevoked}, {@link SigningKeyPinned}, {@link ApiCredentialIssued} and
 * {@link ApiCredentialRevoked}. Each is encoded as {@link #entryBytes canonical JSON}; the chain starts at
 * {@code d0 = SHA-256(DOMAIN ‖ LF)} and goes on with {@code dn = SHA-256(DOMAIN ‖ LF ‖ d(n-1) ‖ entry n)}, the
 * previous digest as its 32 raw bytes (documented in {@code events/TOPIC.md}, "Key-history commitment").
 *
 * @param length how many entries the chain covers, from the organization's first
 * @param digest the chain's digest after them, 64 lower-case hex digits
 */
public record KeyHistoryCommitment(int length, String digest) {

    /** Domain separation: a digest of this chain is never one of another structure's. */
    public static final String DOMAIN = "urn:endorsements:key-history:v1";

    private static final byte[] PREFIX = (DOMAIN + "\n").getBytes(StandardCharsets.UTF_8);

    /** The chain of an organization with no key-history entry yet. */
    public static final KeyHistoryCommitment EMPTY =
            new KeyHistoryCommitment(0, HexFormat.of().formatHex(sha256()));

    public KeyHistoryCommitment {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
        if (digest == null || !digest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("digest must be 64 lower-case hex digits");
        }
    }

    /** Whether the event is an entry of an organization's key history. */
    public static boolean isEntry(EndorsementEvent event) {
        return event instanceof SigningKeyRegistered
                || event instanceof SigningKeyRevoked
                || event instanceof SigningKeyPinned
                || event instanceof ApiCredentialIssued
                || event instanceof ApiCredentialRevoked;
    }

    /** The chain after one more entry. */
    public KeyHistoryCommitment next(EndorsementEvent entry) {
        return new KeyHistoryCommitment(
                length + 1, HexFormat.of().formatHex(sha256(HexFormat.of().parseHex(digest), entryBytes(entry))));
    }

    /** The chain over these entries, in this order. */
    public static KeyHistoryCommitment of(List<? extends EndorsementEvent> entries) {
        KeyHistoryCommitment commitment = EMPTY;
        for (EndorsementEvent entry : entries) {
            commitment = commitment.next(entry);
        }
        return commitment;
    }

    /**
     * The canonical bytes of one entry: a JSON object whose first key {@code entry} names its type, then its fields
     * in a fixed order (a key certification's four fields flattened into {@code certification*} keys), every value a
     * string or {@code null}, times as ISO-8601 UTC ({@code DateTimeFormatter.ISO_INSTANT}), no white space, strings
     * NFC-normalized and escaped as RFC 8259 requires (only {@code "}, {@code \} and control characters, the latter as
     * {@code \\u00XX}), UTF-8. The same rules as a log leaf's, so that one encoder can be checked against the other.
     *
     * @throws IllegalArgumentException for an event that is no key-history entry
     */
    public static byte[] entryBytes(EndorsementEvent entry) {
        Json json = new Json();
        if (entry instanceof SigningKeyRegistered r) {
            KeyCertification c = r.certification();
            json.field("entry", "SigningKeyRegistered")
                    .field("organizationId", r.organizationId().value())
                    .field("keyId", r.keyId().value())
                    .field("publicKey", r.publicKey())
                    .field("registeredAt", time(r.registeredAt()))
                    .field("registeredBy", r.registeredBy())
                    .field(
                            "certificationSignerKeyId",
                            c == null ? null : c.signerKeyId().value())
                    .field("certificationSignedAt", c == null ? null : time(c.signedAt()))
                    .field("certificationNonce", c == null ? null : c.nonce())
                    .field("certificationValue", c == null ? null : c.value())
                    .field("recoveryReason", r.recoveryReason())
                    .field(
                            "assurance",
                            r.assurance() == null ? null : r.assurance().wireName());
        } else if (entry instanceof SigningKeyRevoked r) {
            json.field("entry", "SigningKeyRevoked")
                    .field("organizationId", r.organizationId().value())
                    .field("keyId", r.keyId().value())
                    .field("reason", r.reason())
                    .field("revokedAt", time(r.revokedAt()))
                    .field("revokedBy", r.revokedBy());
        } else if (entry instanceof SigningKeyPinned p) {
            json.field("entry", "SigningKeyPinned")
                    .field("organizationId", p.organizationId().value())
                    .field("fingerprint", p.fingerprint())
                    .field("source", p.source())
                    .field("pinnedAt", time(p.pinnedAt()))
                    .field("pinnedBy", p.pinnedBy());
        } else if (entry instanceof ApiCredentialIssued i) {
            json.field("entry", "ApiCredentialIssued")
                    .field("organizationId", i.organizationId().value())
                    .field("credentialId", i.credentialId())
                    .field("keyDigest", i.keyDigest())
                    .field("issuedAt", time(i.issuedAt()))
                    .field("issuedBy", i.issuedBy())
                    .field(
                            "assurance",
                            i.assurance() == null ? null : i.assurance().wireName());
        } else if (entry instanceof ApiCredentialRevoked r) {
            json.field("entry", "ApiCredentialRevoked")
                    .field("organizationId", r.organizationId().value())
                    .field("credentialId", r.credentialId())
                    .field("revokedAt", time(r.revokedAt()))
                    .field("revokedBy", r.revokedBy());
        } else {
            throw new IllegalArgumentException("not a key-history entry: "
                    + (entry == null ? "null" : entry.getClass().getSimpleName()));
        }
        return json.bytes();
    }

    private static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(PREFIX);
            for (byte[] part : parts) {
                sha.update(Objects.requireNonNull(part));
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }

    /** The canonical JSON object of an entry, written key by key. */
    private static final class Json {

        private final StringBuilder text = new StringBuilder(256).append('{');
        private boolean first = true;

        Json field(String key, String value) {
            if (!first) {
                text.append(',');
            }
            first = false;
            text.append('"').append(key).append("\":");
            if (value == null) {
                text.append("null");
                return this;
            }
            text.append('"');
            String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
            for (int i = 0; i < nfc.length(); i++) {
                char c = nfc.charAt(i);
                if (c == '"' || c == '\\') {
                    text.append('\\').append(c);
                } else if (c < 0x20) {
                    text.append(String.format("\\u%04x", (int) c));
                } else {
                    text.append(c);
                }
            }
            text.append('"');
            return this;
        }

        byte[] bytes() {
            return text.append('}').toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
