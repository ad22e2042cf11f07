package org.endorsements.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;

/**
 * Timestamped Ed25519 checkpoint cosignatures (c2sp.org/tlog-cosignature, {@code cosignature/v1}): the witness
 * signs {@code "cosignature/v1\ntime <timestamp>\n"} followed by the checkpoint's note text, and the signature
 * line carries key id ‖ 8-byte big-endian timestamp ‖ Ed25519 signature, with key id type byte 0x04.
 */
public final class Cosignature {

    private Cosignature() {}

    /** The message a v1 cosignature signs. */
    public static byte[] message(String checkpointText, long timestamp) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    /** Cosigns a checkpoint's note text at {@code timestamp} (POSIX seconds). */
    public static Note.Signature sign(String checkpointText, long timestamp, String name, KeyPair keys) {
        if (timestamp <= 0) {
            throw new IllegalArgumentException("a cosignature's timestamp is positive");
        }
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(message(checkpointText, timestamp));
            byte[] signature = signer.sign();
            byte[] bytes = ByteBuffer.allocate(8 + signature.length)
                    .putLong(timestamp)
                    .put(signature)
                    .array();
            return new Note.Signature(name, verifier(name, keys).keyId(), bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The witness's verifier key, type 0x04. */
    public static NoteVerifier verifier(String name, KeyPair keys) {
        return NoteVerifier.of(name, NoteVerifier.COSIGNATURE_V1, keys.getPublic());
    }

    /** The timestamp a cosignature line carries. */
    public static long timestamp(Note.Signature cosignature) {
        if (cosignature.bytes().length != 8 + 64) {
            throw new IllegalArgumentException("not an Ed25519 cosignature");
        }
        return ByteBuffer.wrap(cosignature.bytes()).getLong();
    }
}
