package org.endorsements.events;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032) as the platform's signing keys use it, with the JDK's own implementation: public keys and
 * signatures travel as standard base64 of their raw bytes (32 and 64), which is what {@code openssl pkey -pubout
 * -outform DER | tail -c 32} and {@code openssl pkeyutl -sign -rawin} produce.
 */
public final class Ed25519 {

    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    public static final String ALGORITHM = "Ed25519";
    /** What a key's fingerprint is the digest of its raw bytes with. */
    public static final String FINGERPRINT_DIGEST = "SHA-256";

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32 raw key bytes. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519() {}

    /** Whether the text is the base64 of a 32-byte value that decodes as an Ed25519 public key. */
    public static boolean isPublicKey(String base64) {
        try {
            publicKey(base64);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the text is the standard base64 of exactly 64 bytes. */
    public static boolean isSignature(String base64) {
        byte[] raw = decode(base64);
        return raw != null && raw.length == SIGNATURE_BYTES;
    }

    /**
     * @throws IllegalArgumentException when the text is not the base64 of an Ed25519 public key
     */
    public static PublicKey publicKey(String base64) {
        byte[] raw = decode(base64);
        if (raw == null || raw.length != PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("not a base64 Ed25519 public key of 32 bytes");
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + PUBLIC_KEY_BYTES);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, PUBLIC_KEY_BYTES);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The base64 of a public key's raw 32 bytes: the last bytes of its X.509 encoding. */
    public static String encode(PublicKey key) {
        byte[] spki = key.getEncoded();
        return Base64.getEncoder()
                .encodeToString(Arrays.copyOfRange(spki, spki.length - PUBLIC_KEY_BYTES, spki.length));
    }

    /**
     * A public key's fingerprint, as an organization publishes it: the SHA-256 of its 32 raw bytes in lower-case hex,
     * which {@code openssl pkey -pubout -outform DER | tail -c 32 | sha256sum} prints.
     *
     * @throws IllegalArgumentException when the text is not the base64 of an Ed25519 public key
     */
    public static String fingerprint(String publicKeyBase64) {
        publicKey(publicKeyBase64);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(FINGERPRINT_DIGEST).digest(decode(publicKeyBase64)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + FINGERPRINT_DIGEST, e);
        }
    }

    /** Whether the text has a fingerprint's form: 64 lower-case hex digits. */
    public static boolean isFingerprint(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }

    /** False for a signature that does not verify, and for a key or signature that is malformed. */
    public static boolean verify(String publicKeyBase64, byte[] message, String signatureBase64) {
        byte[] signature = decode(signatureBase64);
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey(publicKeyBase64));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
