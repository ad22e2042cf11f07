package org.endorsements.cli.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.endorsements.events.Ed25519;
import org.endorsements.events.Identifiers;

/**
 * What an organization published, outside the platform, as its first signing key's fingerprint: the anchor that an
 * {@code organization-key} claim is proven against. The operator controls the pin (an admin pins a fingerprint), so a
 * pin alone proves only what the operator says; an anchor comes from somewhere the operator does not control.
 *
 * <p>The file an auditor or the coalition assembles (documented in docs/signing.md, "Anchors") has one line per
 * organization, {@code <organizationId> <fingerprint> [source]}: the fingerprint is the SHA-256, hex, of the first
 * key's 32 raw bytes, and {@code source} (the rest of the line, optional) says where it was read. {@code #} starts
 * a comment, blank lines are skipped.
 */
final class Anchors {

    /** One organization's published fingerprint, and where it was read. */
    record Anchor(String organizationId, String fingerprint, String source) {}

    /** A document that takes longer than this is not waited for: the verifier reports the organization unanchored. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    /** Larger documents are not read: a key page is small. */
    private static final int MAX_DOCUMENT_BYTES = 1 << 20;

    /** A key page that redirects more often than this, even within its host, is not followed further. */
    private static final int MAX_REDIRECTS = 5;

    private final Map<String, Anchor> byOrganization;

    private Anchors(Map<String, Anchor> byOrganization) {
        this.byOrganization = byOrganization;
    }

    static Anchors none() {
        return new Anchors(Map.of());
    }

    /**
     * Reads an anchors file.
     *
     * @throws IllegalArgumentException naming the line that is not {@code <organizationId> <fingerprint> [source]},
     *                                  or an organization given two different fingerprints
     */
    static Anchors read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static Anchors parse(List<String> lines, String name) {
        Map<String, Anchor> anchors = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+", 3);
            String where = name + " line " + (i + 1);
            if (fields.length < 2 || !Identifiers.isSlug(fields[0])) {
                throw new IllegalArgumentException(where + ": expected <organizationId> <fingerprint> [source]");
            }
            String fingerprint = fields[1].toLowerCase(Locale.ROOT);
            if (!Ed25519.isFingerprint(fingerprint)) {
                throw new IllegalArgumentException(
                        where + ": the fingerprint must be the SHA-256 of the key's 32 raw bytes, 64 hex digits");
            }
            String source = fields.length == 3 ? fields[2] : where;
            Anchor anchor = new Anchor(fields[0], fingerprint, source);
            Anchor earlier = anchors.putIfAbsent(fields[0], anchor);
            if (earlier != null && !earlier.fingerprint().equals(fingerprint)) {
                throw new IllegalArgumentException(
                        where + ": " + fields[0] + " is given another fingerprint than on an earlier line");
            }
        }
        return new Anchors(Map.copyOf(anchors));
    }

    Optional<Anchor> of(String organizationId) {
        return Optional.ofNullable(byOrganization.get(organizationId));
    }

    boolean isEmpty() {
        return byOrganization.isEmpty();
    }

    /**
     * Fetches the document a pin names as its {@code source} and makes the pinned fingerprint an anchor only when that
     * document contains it (in either case of hex): the organization's own page then says what the admin pinned.
     * Anything else (not http or https, an error status, a redirect to another host, a timeout, a document without
     * the fingerprint) gives nothing, with why.
     */
    static Fetched fetch(String organizationId, String fingerprint, String source) {
        URI uri;
        try {
            uri = URI.create(source.strip());
        } catch (IllegalArgumentException e) {
            return Fetched.not("its pin's source is no URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            return Fetched.not("its pin's source is not an http(s) URL");
        }
        // Redirects are followed only within the pin's host: the pin names the organization's site, and a redirect
        // elsewhere (an open redirect on it, say) would let another site speak for the organization.
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(FETCH_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try {
            HttpResponse<byte[]> response;
            URI current = uri;
            for (int redirects = 0; ; redirects++) {
                response = client.send(
                        HttpRequest.newBuilder(current)
                                .timeout(FETCH_TIMEOUT)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status < 300 || status > 399 || status == 304) {
                    break;
                }
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty() || redirects >= MAX_REDIRECTS) {
                    return Fetched.not(source + " answered " + status + " without a redirect to follow");
                }
                URI next;
                try {
                    next = current.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    return Fetched.not(source + " redirects to no URL");
                }
                if (next.getHost() == null
                        || !next.getHost().equalsIgnoreCase(uri.getHost())
                        || !("https".equalsIgnoreCase(next.getScheme()) || "http".equalsIgnoreCase(next.getScheme()))) {
                    return Fetched.not(source + " redirects to " + next + ", off its host " + uri.getHost());
                }
                current = next;
            }
            if (response.statusCode() != 200) {
                return Fetched.not(source + " answered " + response.statusCode());
            }
            byte[] body = response.body();
            String text = new String(body, 0, Math.min(body.length, MAX_DOCUMENT_BYTES), StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT);
            if (!text.contains(fingerprint.toLowerCase(Locale.ROOT))) {
                return Fetched.not("the document at " + source + " does not contain the pinned fingerprint");
            }
            return new Fetched(Optional.of(new Anchor(organizationId, fingerprint, source)), null);
        } catch (IOException e) {
            return Fetched.not(source + " could not be fetched (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Fetched.not(source + " was not fetched (interrupted)");
        }
    }

    /** An anchor read from the pin's source, or why none was. */
    record Fetched(Optional<Anchor> anchor, String whyNot) {
        static Fetched not(String why) {
            return new Fetched(Optional.empty(), why);
        }
    }
}
