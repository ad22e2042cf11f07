package org.endorsements.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A key a verifier trusts, read from a C2SP verifier key ({@code <name>+<hex key id>+base64(type ‖ key)}). Two
 * signature types: 0x01, Ed25519 over the note text (the log's checkpoints), and 0x04, timestamped Ed25519
 * checkpoint cosignatures (c2sp.org/tlog-cosignature, the witnesses').
 *
 * @param name      the key name
 * @param keyId     the key id, checked against the one the name, type and key give
 * @param type      0x01 or 0x04
 * @param publicKey the 32 raw Ed25519 public key bytes
 */
public record NoteVerifier(String name, int keyId, byte type, byte[] publicKey) {

    public static final byte ED25519 = 0x01;
    public static final byte COSIGNATURE_V1 = 0x04;
    private static final int ED25519_SIGNATURE = 64;
    /**
     * How far ahead of this machine's clock a cosignature's timestamp may be. A witness asserts that it saw the
     * checkpoint at that time; one dated in the future is a witness with a broken clock or a forged assertion, and
     * a verifier cannot tell which. The margin covers clock skew between honest machines, nothing more.
     */
    public static final java.time.Duration MAX_COSIGNATURE_CLOCK_SKEW = java.time.Duration.ofMinutes(10);

    /**
     * Parses a verifier key.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static NoteVerifier parse(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3 || !Note.validKeyName(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("a verifier key is <name>+<8 hex digits>+<base64 key>");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the verifier key's key is not base64");
        }
        if (typed.length != 33 || (typed[0] != ED25519 && typed[0] != COSIGNATURE_V1)) {
            throw new IllegalArgumentException("the verifier key is neither an Ed25519 note key (0x01) nor an "
                    + "Ed25519 cosignature key (0x04)");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, typed.length);
        int id = keyId(parts[0], typed[0], raw);
        if (id != (int) Long.parseLong(parts[1], 16)) {
            throw new IllegalArgumentException("the verifier key's id does not match its name and key");
        }
        return new NoteVerifier(parts[0], id, typed[0], raw);
    }

    public static NoteVerifier of(String name, byte type, PublicKey key) {
        byte[] raw = Ed25519Keys.raw(key);
        return new NoteVerifier(name, keyId(name, type, raw), type, raw);
    }

    /** The verifier key as it is published. */
    public String encode() {
        byte[] typed = ByteBuffer.allocate(1 + publicKey.length)
                .put(type)
                .put(publicKey)
                .array();
        return name + "+"
                + HexFormat.of().formatHex(ByteBuffer.allocate(4).putInt(keyId).array()) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    public boolean isCosigner() {
        return type == COSIGNATURE_V1;
    }

    /** Whether {@code signature} (what follows the key id on a signature line) verifies over the note text. */
    boolean verify(byte[] text, byte[] signature) {
        byte[] message = text;
        byte[] ed25519 = signature;
        if (type == COSIGNATURE_V1) {
            if (signature.length != 8 + ED25519_SIGNATURE) {
                return false;
            }
            long timestamp = ByteBuffer.wrap(signature).getLong();
            long latest =
                    java.time.Instant.now().plus(MAX_COSIGNATURE_CLOCK_SKEW).getEpochSecond();
            if (timestamp < 0 || timestamp > latest) {
                return false;
            }
            message = Cosignature.message(new String(text, StandardCharsets.UTF_8), timestamp);
            ed25519 = Arrays.copyOfRange(signature, 8, signature.length);
        } else if (signature.length != ED25519_SIGNATURE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(Ed25519Keys.publicKey(publicKey));
            verifier.update(message);
            return verifier.verify(ed25519);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4], big-endian, as signed-note recommends and tlog-cosignature requires. */
    static int keyId(String name, byte type, byte[] rawKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x0A);
            sha.update(type);
            sha.update(rawKey);
            return ByteBuffer.wrap(sha.digest()).getInt();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifier v
                && v.name.equals(name)
                && v.keyId == keyId
                && v.type == type
                && Arrays.equals(v.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + keyId;
    }

    @Override
    public String toString() {
        return encode();
    }
}
