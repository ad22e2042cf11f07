package org.endorsements.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 written byte by byte on a socket, for hostile-input tests. Java's HTTP clients normalize paths, refuse
 * {@code Content-Length} and {@code Transfer-Encoding} headers of the caller's choosing and encode what they
 * send, which is exactly what such a test must not do; so this writes the request as given.
 *
 * <p>The body is written on a thread of its own while the answer is read: a server that answers an oversized body
 * early and closes the connection would otherwise reset it before the client reads the answer.
 */
public final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 15_000;
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** What came back; {@code status} is 0 when the server closed the connection without a status line. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public boolean isProblem() {
            return header("Content-Type")
                    .map(t -> t.startsWith("application/problem+json"))
                    .orElse(false);
        }
    }

    /** A request: the head's lines as written (no line ends), and a body writer (may be null). */
    public record Request(String method, String target, List<String> headerLines, BodyWriter body) {

        public static Request of(String method, String target) {
            return new Request(method, target, List.of(), null);
        }

        public Request header(String name, String value) {
            List<String> lines = new ArrayList<>(headerLines);
            lines.add(name + ": " + value);
            return new Request(method, target, lines, body);
        }

        public Request bearer(String key) {
            return key == null ? this : header("Authorization", "Bearer " + key);
        }

        /** A JSON body with its true length. */
        public Request json(String json) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            return header("Content-Type", "application/json")
                    .header("Content-Length", Integer.toString(bytes.length))
                    .withBody(out -> out.write(bytes));
        }

        /** A body written as given; the caller chooses the framing headers (or none). */
        public Request withBody(BodyWriter writer) {
            return new Request(method, target, headerLines, writer);
        }

        @Override
        public String toString() {
            return method + " " + target + " " + headerLines;
        }
    }

    @FunctionalInterface
    public interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * {@code prefix}, then {@code count} bytes of {@code fill}, written in blocks, as a chunk-less body. A prefix
     * such as <code>{"name":"</code> makes a parser hold the whole body as one string.
     */
    public static BodyWriter repeated(String prefix, byte fill, long count) {
        return out -> {
            out.write(prefix.getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, fill);
            for (long left = count; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        };
    }

    /** A chunked body: {@code prefix}, then {@code count} bytes of {@code fill}, in chunks of 64 KiB. */
    public static BodyWriter chunked(String prefix, byte fill, long count) {
        return out -> {
            byte[] first = prefix.getBytes(StandardCharsets.UTF_8);
            if (first.length > 0) {
                out.write((Integer.toHexString(first.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(first);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, fill);
            for (long left = count; left > 0; left -= block.length) {
                int n = (int) Math.min(block.length, left);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(block, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    public Response send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder()
                    .append(request.method())
                    .append(' ')
                    .append(request.target())
                    .append(" HTTP/1.1\r\n")
                    .append("Host: ")
                    .append(host)
                    .append(':')
                    .append(port)
                    .append("\r\n")
                    .append("Connection: close\r\n");
            request.headerLines().forEach(line -> head.append(line).append("\r\n"));
            head.append("\r\n");
            // ISO-8859-1 so that a test can put any byte it likes into the request line and headers.
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            CompletableFuture<Void> body = CompletableFuture.runAsync(() -> {
                try {
                    if (request.body() != null) {
                        request.body().write(out);
                    }
                    out.flush();
                } catch (IOException closedByServer) {
                    // The server may answer and close before the whole body is sent: that is what is tested.
                }
            });
            Response response = read(socket.getInputStream());
            body.cancel(true);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request, e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0 && bytes.size() < MAX_RESPONSE_BYTES; ) {
                bytes.write(buffer, 0, n);
                if (complete(bytes.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException endOfWhatCame) {
            // A reset after the answer, or a stream that stays open: parse what arrived.
        }
        return parse(bytes.toString(StandardCharsets.ISO_8859_1));
    }

    /**
     * Whether a whole answer has arrived (its Content-Length, or the last chunk): a server may keep the connection
     * open after it, e.g. to swallow a body it refused, and a client that waited for the end of the stream waited
     * out the read timeout.
     */
    private static boolean complete(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = raw.substring(0, end).toLowerCase(Locale.ROOT);
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return raw.endsWith("\r\n0\r\n\r\n");
        }
        int at = head.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return false;
        }
        int lineEnd = head.indexOf("\r\n", at + 2);
        String length = head.substring(at + "\r\ncontent-length:".length(), lineEnd < 0 ? head.length() : lineEnd)
                .strip();
        try {
            return raw.length() - (end + 4) >= Long.parseLong(length);
        } catch (NumberFormatException notALength) {
            return false;
        }
    }

    private static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
            return new Response(0, Map.of(), raw);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
        }
        String body = raw.substring(end + 4);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = dechunk(body);
        }
        return new Response(
                status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size =
                    Integer.parseInt(body.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.append(body, start, Math.min(body.length(), start + size));
            at = start + size + 2;
        }
        return out.toString();
    }
}
