package org.endorsements.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Checkpoints in the C2SP tlog-checkpoint format, signed as C2SP signed notes with Ed25519: the body is the origin
 * line, the tree size and the base64 root hash, each ending in a newline; after a blank line, one signature line
 * {@code — <key name> base64(key id ‖ signature)}, where the key id is the first 4 bytes of
 * SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key).
 */
public final class SignedNote {

    private static final byte ED25519 = 0x01;
    private static final String DASH = "\u2014 ";
    private static final int X509_ED25519_PREFIX = 12;

    /** A parsed checkpoint. */
    public record Checkpoint(String origin, long size, byte[] root) {
        public String body() {
            return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
        }
    }

    private SignedNote() {
    }

    public static String sign(Checkpoint checkpoint, String keyName, PrivateKey key, PublicKey publicKey) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(checkpoint.body().getBytes(StandardCharsets.UTF_8));
            byte[] signature = signer.sign();
            byte[] line = ByteBuffer.allocate(4 + signature.length).put(keyId(keyName, raw(publicKey)))
                    .put(signature).array();
            return checkpoint.body() + "\n" + DASH + keyName + " " + Base64.getEncoder().encodeToString(line) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The verifier key: {@code <name>+<hex key id>+<base64(0x01 ‖ public key)>}. */
    public static String verifierKey(String keyName, PublicKey publicKey) {
        byte[] raw = raw(publicKey);
        byte[] typed = ByteBuffer.allocate(1 + raw.length).put(ED25519).put(raw).array();
        return keyName + "+" + java.util.HexFormat.of().formatHex(keyId(keyName, raw)) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    /**
     * Verifies a note against a verifier key and returns its checkpoint.
     *
     * @throws IllegalArgumentException naming what is wrong: format, key, or signature
     */
    public static Checkpoint verify(String note, String verifierKey) {
        String[] key = verifierKey.strip().split("\\+", 3);
        if (key.length != 3) {
            throw new IllegalArgumentException("the verifier key is not <name>+<id>+<key>");
        }
        byte[] typed = Base64.getDecoder().decode(key[2]);
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 key");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, typed.length);
        int split = note.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("the note has no signature block");
        }
        String body = note.substring(0, split + 1);
        Checkpoint checkpoint = parse(body);
        byte[] expectedId = keyId(key[0], raw);
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(DASH + key[0] + " ")) {
                continue;
            }
            byte[] signed = Base64.getDecoder().decode(line.substring(DASH.length() + key[0].length() + 1).strip());
            if (signed.length != 4 + 64 || !Arrays.equals(Arrays.copyOf(signed, 4), expectedId)) {
                continue;
            }
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(publicKey(raw));
                verifier.update(body.getBytes(StandardCharsets.UTF_8));
                if (verifier.verify(Arrays.copyOfRange(signed, 4, signed.length))) {
                    return checkpoint;
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the signature cannot be checked: " + e.getMessage());
            }
            throw new IllegalArgumentException("the checkpoint's signature does not verify with key " + key[0]);
        }
        throw new IllegalArgumentException("the checkpoint carries no signature by key " + key[0]);
    }

    static Checkpoint parse(String body) {
        List<String> lines = List.of(body.split("\n", -1));
        if (lines.size() < 4 || !lines.get(lines.size() - 1).isEmpty()) {
            throw new IllegalArgumentException("a checkpoint body is origin, size and root hash lines");
        }
        try {
            return new Checkpoint(lines.get(0), Long.parseLong(lines.get(1)), Base64.getDecoder().decode(lines.get(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint's size or root hash does not parse");
        }
    }

    static byte[] keyId(String keyName, byte[] rawPublicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(keyName.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x0A);
            sha.update(ED25519);
            sha.update(rawPublicKey);
            return Arrays.copyOf(sha.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 32 raw bytes of an Ed25519 public key (its X.509 encoding minus the fixed 12-byte prefix). */
    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, X509_ED25519_PREFIX, encoded.length);
    }

    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        byte[] encoded = ByteBuffer.allocate(prefix.length + raw.length).put(prefix).put(raw).array();
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }
}
