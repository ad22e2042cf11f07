package org.endorsements.transparency.witness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.endorsements.transparency.Note;
import org.endorsements.transparency.NoteVerifier;

/**
 * A log's side of c2sp.org/tlog-witness add-checkpoint: submits a checkpoint with its consistency proof and
 * returns the witness's cosignatures, only those that verify with the witness's key.
 */
public final class WitnessClient {

    /** What a witness answered. */
    public sealed interface Result {}

    /** The witness cosigned: its verified cosignature lines. */
    public record Cosigned(List<Note.Signature> cosignatures) implements Result {}

    /** 409: the witness's latest cosigned size is another one; resubmit with a proof from it. */
    public record Conflict(long witnessSize) implements Result {}

    /** Any other refusal, with its status and the witness's message. */
    public record Refused(int status, String message) implements Result {}

    /** Far above what a witness answers (its cosignature lines, or its size on a 409). */
    static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    public WitnessClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * @param submissionPrefix the witness's URL prefix; {@code /add-checkpoint} is appended
     * @param witness          the witness's verifier key: cosignatures that do not verify with it are dropped
     * @throws IOException when the witness cannot be reached or answers nonsense
     */
    public Result addCheckpoint(String submissionPrefix, NoteVerifier witness, AddCheckpoint request)
            throws IOException {
        HttpRequest post = HttpRequest.newBuilder(
                        URI.create(submissionPrefix.replaceAll("/+$", "") + "/add-checkpoint"))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(request.encode(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<java.io.InputStream> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String body;
        try (java.io.InputStream in = response.body()) {
            // A witness answers a few signature lines; a hostile or broken one must not fill the service's heap.
            byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (bytes.length > MAX_RESPONSE_BYTES) {
                throw new IOException("the witness answered more than " + MAX_RESPONSE_BYTES + " bytes");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        if (response.statusCode() == 409) {
            try {
                return new Conflict(Long.parseLong(body.strip()));
            } catch (NumberFormatException e) {
                throw new IOException("the witness answered 409 without its size");
            }
        }
        if (response.statusCode() != 200) {
            return new Refused(response.statusCode(), body.strip());
        }
        try {
            Note note = Note.parse(request.note());
            Note candidate = note.with(Note.parseSignatureLines(body));
            List<NoteVerifier> verified = candidate.verifiedBy(List.of(witness));
            if (verified.isEmpty()) {
                throw new IOException("the witness answered no cosignature by its key " + witness.name());
            }
            return new Cosigned(candidate.signatures().stream()
                    .filter(s -> s.keyName().equals(witness.name()) && s.keyId() == witness.keyId())
                    .toList());
        } catch (IllegalArgumentException e) {
            throw new IOException("the witness's answer does not verify: " + e.getMessage());
        }
    }
}
