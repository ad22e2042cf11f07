package org.endorsements.events;

import java.math.BigInteger;
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
import java.util.Optional;

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
     * @throws IllegalArgumentException when the text is not the base64 of an Ed25519 public key, or of a weak one
     *                                  ({@link #weakness})
     */
    public static PublicKey publicKey(String base64) {
        byte[] raw = decode(base64);
        if (raw == null || raw.length != PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("not a base64 Ed25519 public key of 32 bytes");
        }
        Curve.Verdict verdict = Curve.check(raw);
        if (verdict != Curve.Verdict.KEY) {
            throw new IllegalArgumentException(verdict.why);
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + PUBLIC_KEY_BYTES);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, PUBLIC_KEY_BYTES);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /**
     * Why 32 bytes that decode as a point are no key anyone should sign with, or empty when they are one (or are no
     * 32 bytes, or no point of the curve at all: {@link #isPublicKey} refuses those): an encoding that is not
     * canonical (a y coordinate of p or more, or a "negative" zero x), or a point of small order (one of the 8 whose multiple by the cofactor is the neutral point). The JDK's EdDSA refuses a y of p or
     * more but accepts a small-order key, and then verifies signatures made without any private key (for the neutral
     * point as key, {@code R} = the neutral point and {@code S} = 0 verifies on every message: {@code Ed25519Test}
     * shows it). So the platform refuses such keys at registration and the verifiers refuse signatures by them. Points of mixed order (a small-order component added to a proper key) are not
     * refused: a signature by them still needs the private scalar.
     */
    public static Optional<String> weakness(String base64) {
        return weakness(decode(base64));
    }

    /** {@link #weakness(String)} of the raw 32 bytes. */
    public static Optional<String> weakness(byte[] raw) {
        if (raw == null || raw.length != PUBLIC_KEY_BYTES) {
            return Optional.empty();
        }
        Curve.Verdict verdict = Curve.check(raw);
        return verdict == Curve.Verdict.SMALL_ORDER || verdict == Curve.Verdict.NON_CANONICAL
                ? Optional.of(verdict.why)
                : Optional.empty();
    }

    /** Edwards25519 arithmetic, affine and in {@link BigInteger}: slow, and used only to check a key once. */
    private static final class Curve {

        private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
        private static final BigInteger D = BigInteger.valueOf(-121665)
                .multiply(BigInteger.valueOf(121666).modInverse(P))
                .mod(P);
        private static final BigInteger SQRT_MINUS_ONE =
                BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

        private Curve() {}

        enum Verdict {
            KEY(null),
            NOT_A_POINT("not an Ed25519 public key (no point of the curve)"),
            NON_CANONICAL("a non-canonical Ed25519 public key encoding"),
            SMALL_ORDER("a small-order Ed25519 public key (a signature by it needs no private key)");

            final String why;

            Verdict(String why) {
                this.why = why;
            }
        }

        static Verdict check(byte[] raw) {
            byte[] bigEndian = new byte[PUBLIC_KEY_BYTES];
            for (int i = 0; i < PUBLIC_KEY_BYTES; i++) {
                bigEndian[i] = raw[PUBLIC_KEY_BYTES - 1 - i];
            }
            boolean xOdd = (bigEndian[0] & 0x80) != 0;
            bigEndian[0] &= 0x7f;
            BigInteger y = new BigInteger(1, bigEndian);
            if (y.compareTo(P) >= 0) {
                return Verdict.NON_CANONICAL;
            }
            // RFC 8032, 5.1.3: x^2 = (y^2 - 1) / (d y^2 + 1).
            BigInteger y2 = y.multiply(y).mod(P);
            BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
            BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
            BigInteger x = u.multiply(v.modInverse(P))
                    .mod(P)
                    .modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
            BigInteger vx2 = v.multiply(x).multiply(x).mod(P);
            if (!vx2.equals(u)) {
                if (!vx2.equals(u.negate().mod(P))) {
                    return Verdict.NOT_A_POINT;
                }
                x = x.multiply(SQRT_MINUS_ONE).mod(P);
            }
            if (x.signum() == 0 && xOdd) {
                return Verdict.NON_CANONICAL;
            }
            if (x.testBit(0) != xOdd) {
                x = P.subtract(x);
            }
            BigInteger[] point = {x, y};
            for (int i = 0; i < 3; i++) {
                point = add(point, point);
            }
            if (point[0].signum() == 0 && point[1].equals(BigInteger.ONE)) {
                return Verdict.SMALL_ORDER;
            }
            return Verdict.KEY;
        }

        /** The twisted Edwards addition law (a = -1), complete on this curve: no denominator is ever zero. */
        private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
            BigInteger xx = a[0].multiply(b[0]).mod(P);
            BigInteger yy = a[1].multiply(b[1]).mod(P);
            BigInteger dxy = D.multiply(xx).multiply(yy).mod(P);
            BigInteger x = a[0].multiply(b[1])
                    .add(a[1].multiply(b[0]))
                    .multiply(BigInteger.ONE.add(dxy).modInverse(P))
                    .mod(P);
            BigInteger y = yy.add(xx)
                    .multiply(BigInteger.ONE.subtract(dxy).mod(P).modInverse(P))
                    .mod(P);
            return new BigInteger[] {x, y};
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
