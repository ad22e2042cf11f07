package org.endorsements.transparency;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A second, independent reading of c2sp.org/signed-note and c2sp.org/tlog-cosignature, written from the
 * specifications alone and sharing no code with the production classes: it works on bytes, finds the last blank
 * line by scanning, builds Ed25519 public keys from the RFC 8032 point encoding rather than an X.509 prefix, and
 * assembles the cosigned message by hand. The interoperability tests check that what our signer and witness
 * produce verifies here too.
 */
final class SpecNoteVerifier {

    private static final byte[] DASH = "\u2014 ".getBytes(StandardCharsets.UTF_8);

    /** A verifier key as the spec describes it. */
    record Vkey(String name, byte[] id, int type, byte[] key) {
        static Vkey of(String vkey) {
            int first = vkey.indexOf('+');
            int second = vkey.indexOf('+', first + 1);
            byte[] typed = Base64.getDecoder().decode(vkey.substring(second + 1));
            byte[] id = new byte[4];
            String hex = vkey.substring(first + 1, second);
            for (int i = 0; i < 4; i++) {
                id[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            return new Vkey(vkey.substring(0, first), id, typed[0] & 0xff, Arrays.copyOfRange(typed, 1, typed.length));
        }
    }

    private SpecNoteVerifier() {}

    /** The names of the given keys whose signature in the note verifies; throws if a known key's does not. */
    static List<String> verify(byte[] note, List<Vkey> keys) throws Exception {
        int split = -1;
        for (int i = note.length - 2; i >= 0; i--) {
            if (note[i] == '\n' && note[i + 1] == '\n') {
                split = i;
                break;
            }
        }
        if (split < 0 || note[note.length - 1] != '\n') {
            throw new IllegalArgumentException("not a signed note");
        }
        byte[] text = Arrays.copyOfRange(note, 0, split + 1);
        List<String> verified = new ArrayList<>();
        int start = split + 2;
        while (start < note.length) {
            int end = start;
            while (note[end] != '\n') {
                end++;
            }
            byte[] line = Arrays.copyOfRange(note, start, end);
            start = end + 1;
            if (!Arrays.equals(Arrays.copyOf(line, DASH.length), DASH)) {
                throw new IllegalArgumentException("bad signature line");
            }
            String rest = new String(line, DASH.length, line.length - DASH.length, StandardCharsets.UTF_8);
            String name = rest.substring(0, rest.lastIndexOf(' '));
            byte[] blob = Base64.getDecoder().decode(rest.substring(rest.lastIndexOf(' ') + 1));
            for (Vkey key : keys) {
                byte[] expectedId = Arrays.copyOf(
                        sha256(concat(
                                key.name().getBytes(StandardCharsets.UTF_8),
                                new byte[] {'\n', (byte) key.type()},
                                key.key())),
                        4);
                if (!key.name().equals(name)
                        || !Arrays.equals(Arrays.copyOf(blob, 4), expectedId)
                        || !Arrays.equals(key.id(), expectedId)) {
                    continue;
                }
                byte[] message;
                byte[] signature;
                if (key.type() == 0x04) {
                    long time = new BigInteger(1, Arrays.copyOfRange(blob, 4, 12)).longValueExact();
                    message = concat(("cosignature/v1\ntime " + time + "\n").getBytes(StandardCharsets.UTF_8), text);
                    signature = Arrays.copyOfRange(blob, 12, blob.length);
                } else if (key.type() == 0x01) {
                    message = text;
                    signature = Arrays.copyOfRange(blob, 4, blob.length);
                } else {
                    continue;
                }
                Signature ed = Signature.getInstance("Ed25519");
                ed.initVerify(KeyFactory.getInstance("Ed25519")
                        .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point(key.key()))));
                ed.update(message);
                if (!ed.verify(signature)) {
                    throw new IllegalArgumentException("signature by " + name + " does not verify");
                }
                verified.add(name);
            }
        }
        return verified;
    }

    /** RFC 8032 §5.1.3: little-endian y, the top bit of the last byte is the sign of x. */
    private static EdECPoint point(byte[] encoded) {
        byte[] reversed = new byte[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            reversed[i] = encoded[encoded.length - 1 - i];
        }
        boolean xOdd = (reversed[0] & 0x80) != 0;
        reversed[0] &= 0x7f;
        return new EdECPoint(xOdd, new BigInteger(1, reversed));
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
