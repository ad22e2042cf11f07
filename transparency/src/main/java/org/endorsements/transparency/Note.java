package org.endorsements.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, then one or more signature
 * lines {@code — <key name> base64(key id ‖ signature)}. Parsing checks the framing only; {@link #verify} checks
 * signatures against the keys a verifier trusts.
 *
 * @param text       the signed text, including its final newline
 * @param signatures the signature lines, in order
 */
public record Note(String text, List<Signature> signatures) {

    /** The spec asks verifiers to accept at least 16 signatures and to limit them; 64 leaves room for rotation. */
    public static final int MAX_SIGNATURES = 64;

    static final String DASH = "\u2014 ";

    /**
     * One signature line.
     *
     * @param keyName the key name
     * @param keyId   the 4-byte key id, big-endian
     * @param bytes   what follows the key id: the signature proper (for a cosignature, timestamp ‖ signature)
     */
    public record Signature(String keyName, int keyId, byte[] bytes) {

        /** The signature line, newline included. */
        public String line() {
            byte[] blob = ByteBuffer.allocate(4 + bytes.length)
                    .putInt(keyId)
                    .put(bytes)
                    .array();
            return DASH + keyName + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        }
    }

    public Note {
        signatures = List.copyOf(signatures);
    }

    /** The whole note: text, blank line, signature lines. */
    public String encode() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    /** This note with more signatures appended (lines already present are not repeated). */
    public Note with(List<Signature> more) {
        List<Signature> all = new ArrayList<>(signatures);
        for (Signature s : more) {
            if (all.stream().noneMatch(a -> a.line().equals(s.line()))) {
                all.add(s);
            }
        }
        return new Note(text, all);
    }

    /**
     * Parses a note's framing.
     *
     * @throws IllegalArgumentException when it is not a well-formed signed note
     */
    public static Note parse(String note) {
        if (!validUtf8(note)) {
            throw new IllegalArgumentException("the note is not valid UTF-8");
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException("the note contains a control character");
            }
        }
        if (!note.endsWith("\n")) {
            throw new IllegalArgumentException("the note does not end in a newline");
        }
        // The text may itself contain blank lines: the signatures start after the last one.
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("the note has no signature block");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty()) {
            throw new IllegalArgumentException("the note has no signature");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new IllegalArgumentException("the note has more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(parseLine(line));
        }
        return new Note(text, signatures);
    }

    /** Parses signature lines alone, as a witness answers add-checkpoint. */
    public static List<Signature> parseSignatureLines(String lines) {
        if (!lines.endsWith("\n")) {
            throw new IllegalArgumentException("signature lines end in a newline");
        }
        return Arrays.stream(lines.substring(0, lines.length() - 1).split("\n", -1))
                .map(Note::parseLine)
                .toList();
    }

    private static Signature parseLine(String line) {
        if (!line.startsWith(DASH)) {
            throw new IllegalArgumentException("a signature line starts with an em dash and a space");
        }
        String rest = line.substring(DASH.length());
        int space = rest.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("a signature line is: em dash, key name, base64 signature");
        }
        String name = rest.substring(0, space);
        if (!validKeyName(name)) {
            throw new IllegalArgumentException("invalid key name in a signature line");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a signature is not base64");
        }
        if (blob.length < 5) {
            throw new IllegalArgumentException("a signature is shorter than a key id");
        }
        return new Signature(name, ByteBuffer.wrap(blob).getInt(), Arrays.copyOfRange(blob, 4, blob.length));
    }

    /** Key names are non-empty and contain no Unicode space and no plus sign. */
    static boolean validKeyName(String name) {
        return !name.isEmpty()
                && name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    private static boolean validUtf8(String s) {
        try {
            StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(java.nio.CharBuffer.wrap(s));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Verifies the note against trusted keys, as the spec says: signatures from unknown keys (name and id not both
     * matching) are ignored; a signature from a known key that fails to verify rejects the whole note.
     *
     * @return the trusted keys whose signature verified, in the order given
     * @throws IllegalArgumentException when a known key's signature does not verify
     */
    public List<NoteVerifier> verifiedBy(List<NoteVerifier> trusted) {
        List<NoteVerifier> verified = new ArrayList<>();
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        for (Signature s : signatures) {
            for (NoteVerifier key : trusted) {
                if (key.name().equals(s.keyName()) && key.keyId() == s.keyId()) {
                    if (!key.verify(message, s.bytes())) {
                        throw new IllegalArgumentException("the signature by " + key.name() + " does not verify");
                    }
                    if (!verified.contains(key)) {
                        verified.add(key);
                    }
                }
            }
        }
        return verified;
    }
}
