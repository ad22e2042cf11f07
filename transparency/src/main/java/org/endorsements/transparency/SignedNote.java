package org.endorsements.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Checkpoints in the C2SP tlog-checkpoint format, signed as C2SP signed notes with Ed25519: the body is the origin
 * line, the tree size and the base64 root hash, each ending in a newline; after a blank line, one signature line
 * {@code — <key name> base64(key id ‖ signature)} by the log, where the key id is the first 4 bytes of
 * SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key), and any number of witness cosignatures ({@link Cosignature}).
 */
public final class SignedNote {

    /** A parsed checkpoint. */
    public record Checkpoint(String origin, long size, byte[] root) {
        public String body() {
            return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
        }
    }

    /**
     * A checkpoint that verified.
     *
     * @param checkpoint the checkpoint
     * @param witnesses  the trusted witnesses whose cosignature verified
     */
    public record Verified(Checkpoint checkpoint, List<NoteVerifier> witnesses) {}

    private SignedNote() {}

    public static String sign(Checkpoint checkpoint, String keyName, PrivateKey key, PublicKey publicKey) {
        return new Note(checkpoint.body(), List.of(signature(checkpoint.body(), keyName, key, publicKey))).encode();
    }

    /** The log's Ed25519 signature of a note text. */
    public static Note.Signature signature(String text, String keyName, PrivateKey key, PublicKey publicKey) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return new Note.Signature(
                    keyName,
                    NoteVerifier.of(keyName, NoteVerifier.ED25519, publicKey).keyId(),
                    signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The verifier key: {@code <name>+<hex key id>+<base64(0x01 ‖ public key)>}. */
    public static String verifierKey(String keyName, PublicKey publicKey) {
        return NoteVerifier.of(keyName, NoteVerifier.ED25519, publicKey).encode();
    }

    /**
     * Verifies a note against a verifier key and returns its checkpoint.
     *
     * @throws IllegalArgumentException naming what is wrong: format, key, or signature
     */
    public static Checkpoint verify(String note, String verifierKey) {
        return verify(note, List.of(verifierKey), List.of(), 0).checkpoint();
    }

    /**
     * Verifies a checkpoint: signed by at least one of the log's keys (several during a key rotation), and
     * cosigned by at least {@code minWitnesses} of the trusted witnesses.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Verified verify(String note, List<String> logKeys, List<String> witnessKeys, int minWitnesses) {
        List<NoteVerifier> logs = logKeys.stream().map(NoteVerifier::parse).toList();
        List<NoteVerifier> witnesses =
                witnessKeys.stream().map(NoteVerifier::parse).toList();
        if (logs.stream().anyMatch(NoteVerifier::isCosigner)) {
            throw new IllegalArgumentException("a log key has signature type 0x01; this one is a witness key");
        }
        if (witnesses.stream().anyMatch(w -> !w.isCosigner())) {
            throw new IllegalArgumentException("a witness key has signature type 0x04 (cosignature/v1)");
        }
        Note parsed = Note.parse(note);
        Checkpoint checkpoint = parse(parsed.text());
        List<NoteVerifier> all = new ArrayList<>(logs);
        all.addAll(witnesses);
        List<NoteVerifier> verified = parsed.verifiedBy(all);
        if (verified.stream().noneMatch(logs::contains)) {
            throw new IllegalArgumentException("the checkpoint carries no signature by key "
                    + String.join(
                            " or ",
                            logs.stream().map(NoteVerifier::name).distinct().toList()));
        }
        List<NoteVerifier> cosigned =
                verified.stream().filter(witnesses::contains).toList();
        if (cosigned.size() < minWitnesses) {
            throw new IllegalArgumentException("the checkpoint is cosigned by " + cosigned.size()
                    + " of the trusted witnesses, " + minWitnesses + " required");
        }
        return new Verified(checkpoint, cosigned);
    }

    /** Parses a checkpoint's note text: origin, size and root lines, then extension lines, if any. */
    public static Checkpoint parse(String body) {
        List<String> lines = List.of(body.split("\n", -1));
        if (lines.size() < 4
                || !lines.get(lines.size() - 1).isEmpty()
                || lines.get(0).isEmpty()) {
            throw new IllegalArgumentException("a checkpoint body is origin, size and root hash lines");
        }
        if (!lines.get(1).matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the checkpoint's size does not parse");
        }
        try {
            byte[] root = Base64.getDecoder().decode(lines.get(2));
            if (root.length != Hashes.SIZE) {
                throw new IllegalArgumentException("the checkpoint's root hash is not 32 bytes");
            }
            return new Checkpoint(lines.get(0), Long.parseLong(lines.get(1)), root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint's size or root hash does not parse");
        }
    }
}
