package org.endorsements.transparency.witness;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.endorsements.transparency.Hashes;

/**
 * The body of a c2sp.org/tlog-witness add-checkpoint request: {@code old <size>}, at most 63 consistency proof
 * lines (base64 hashes), a blank line, then the signed checkpoint note.
 *
 * @param oldSize the size of the checkpoint the client believes the witness last cosigned
 * @param proof   the consistency proof from {@code oldSize} to the checkpoint's size
 * @param note    the signed checkpoint
 */
public record AddCheckpoint(long oldSize, List<byte[]> proof, String note) {

    public static final int MAX_PROOF_LINES = 63;

    public AddCheckpoint {
        proof = List.copyOf(proof);
    }

    public String encode() {
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(p -> body.append(Base64.getEncoder().encodeToString(p)).append('\n'));
        return body.append('\n').append(note).toString();
    }

    /**
     * Parses a request body.
     *
     * @throws IllegalArgumentException when it is malformed (the witness answers 400)
     */
    public static AddCheckpoint parse(String body) {
        int blank = body.indexOf("\n\n");
        if (!body.startsWith("old ") || blank < 0) {
            throw new IllegalArgumentException(
                    "the body is an old size line, proof lines, a blank line and a checkpoint");
        }
        String[] lines = body.substring(0, blank).split("\n", -1);
        if (!lines[0].matches("old (0|[1-9][0-9]{0,18})")) {
            throw new IllegalArgumentException("the old size line is 'old <decimal, no leading zeroes>'");
        }
        if (lines.length - 1 > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("more than " + MAX_PROOF_LINES + " consistency proof lines");
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            byte[] hash;
            try {
                hash = Base64.getDecoder().decode(lines[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a consistency proof line is not base64");
            }
            if (hash.length != Hashes.SIZE) {
                throw new IllegalArgumentException("a consistency proof line is not a 32-byte hash");
            }
            proof.add(hash);
        }
        return new AddCheckpoint(Long.parseLong(lines[0].substring(4)), proof, body.substring(blank + 2));
    }
}
