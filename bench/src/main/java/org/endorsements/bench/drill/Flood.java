package org.endorsements.bench.drill;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.endorsements.http.ApiClient;
import org.endorsements.http.ApiReply;

/**
 * The hostile client of the {@code flood} drill, and the probe that measures the projection lag meanwhile.
 *
 * <p>The client is anonymous (or holds one organization's key), sends oversized bodies that lie about their
 * framing, path-parameter tricks that a prefix check misses, and opens server-sent event streams that it never
 * reads. It speaks raw HTTP/1.1 over sockets because the JDK's client refuses to send a malformed
 * {@code Transfer-Encoding} or a false {@code Content-Length}. It is bounded in count and in time, and it refuses
 * any target that is not a loopback address: it is a drill for the platform it started, not a tool to aim at
 * anyone else's.
 */
final class Flood {

    /**
     * @param duration        how long the attack lasts (the drill load runs meanwhile)
     * @param bodyBytes       size of each oversized body
     * @param oversized       at most this many oversized requests in all
     * @param oversizedAtOnce how many of them are in flight at a time
     * @param pathAttacks     at most this many path-parameter requests in all
     * @param streams         never-read {@code /live} streams held open for the whole attack
     * @param maxLag          bound on the time from an acknowledged write until the views include it
     */
    record Settings(
            Duration duration,
            int bodyBytes,
            int oversized,
            int oversizedAtOnce,
            int pathAttacks,
            int streams,
            Duration maxLag) {}

    /** What happened, per kind of hostile request, and the lag the probe measured. */
    record Result(
            Map<String, Map<String, Integer>> outcomes,
            int streamsOpened,
            int streamsRefused,
            List<Duration> lags,
            int probesLate,
            int probeWritesFailed) {

        /** Hostile requests the platform accepted (2xx): each one is a hole. */
        int accepted() {
            return outcomes.values().stream()
                    .flatMap(m -> m.entrySet().stream())
                    .filter(e -> e.getKey().startsWith("2"))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
        }

        /**
         * Hostile requests answered 500: bad input that reached code which could not handle it. A 503 (a bulkhead or
         * a cap saying "later") is no fault.
         */
        int serverErrors() {
            return outcomes.values().stream()
                    .mapToInt(m -> m.getOrDefault("500", 0))
                    .sum();
        }

        Duration maxLag() {
            return lags.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        }

        String describe() {
            return outcomes.entrySet().stream()
                    .map(e -> e.getKey() + " "
                            + e.getValue().entrySet().stream()
                                    .map(o -> o.getKey() + "×" + o.getValue())
                                    .collect(Collectors.joining(", ", "(", ")")))
                    .collect(Collectors.joining("; "));
        }
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Long enough for a struggling service to answer, short enough that the attack ends near its deadline. */
    private static final int REPLY_TIMEOUT_MILLIS = 15_000;
    /** A tiny receive window, so that a stream the client never reads fills the server's buffers soon. */
    private static final int STREAM_RECEIVE_BUFFER = 1024;

    private static final int CHUNK = 64 * 1024;
    private static final Duration PROBE_POLL = Duration.ofMillis(100);
    private static final Duration PROBE_PAUSE = Duration.ofMillis(500);
    private static final Duration READ_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final Settings settings;
    private final URI command;
    private final URI query;
    private final String liveStatement;
    private final String organizationId;
    private final String organizationKey;
    private final Map<String, Map<String, AtomicInteger>> outcomes = new ConcurrentHashMap<>();
    private final List<Socket> streams = new CopyOnWriteArrayList<>();
    private final AtomicInteger streamsRefused = new AtomicInteger();
    private final AtomicInteger oversizedSent = new AtomicInteger();
    private final AtomicInteger pathSent = new AtomicInteger();
    private final AtomicBoolean attacking = new AtomicBoolean();
    private final AtomicBoolean probing = new AtomicBoolean();
    private final List<Thread> attackers = new ArrayList<>();
    private final List<Duration> lags = new CopyOnWriteArrayList<>();
    private final AtomicInteger probesLate = new AtomicInteger();
    private final AtomicInteger probeWritesFailed = new AtomicInteger();
    private final ApiClient reads;
    private Thread probe;
    private long attackDeadline;

    /**
     * @param liveStatement   a statement the load keeps changing: its {@code /live} streams get an event per batch
     * @param organizationId  any organization's id, sent where a statement id belongs
     * @param organizationKey that organization's key: the close request comes from a key holder
     */
    Flood(
            Settings settings,
            String commandUrl,
            String queryUrl,
            String liveStatement,
            String organizationId,
            String organizationKey) {
        this.settings = settings;
        this.command = loopback(URI.create(commandUrl));
        this.query = loopback(URI.create(queryUrl));
        this.reads = ApiClient.create(queryUrl, new ApiClient.Settings(READ_CONNECT_TIMEOUT, settings.maxLag()));
        this.liveStatement = liveStatement;
        this.organizationId = organizationId;
        this.organizationKey = organizationKey;
    }

    private static URI loopback(URI uri) {
        try {
            if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("the flood drill only targets loopback addresses, not " + uri);
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + uri, e);
        }
        return uri;
    }

    /** Opens the never-read streams, then starts the oversized and path-parameter senders. */
    void startAttack() {
        attacking.set(true);
        attackDeadline = System.nanoTime() + settings.duration().toNanos();
        for (int i = 0; i < settings.streams() && attacking.get(); i++) {
            openStream();
        }
        for (int i = 0; i < settings.oversizedAtOnce(); i++) {
            attacker("flood-oversized-" + i, this::sendOversized);
        }
        attacker("flood-path", this::sendPathAttack);
    }

    /** Waits out the attack's duration, stops the senders and closes the streams. */
    void awaitAndStopAttack() throws InterruptedException {
        long left = attackDeadline - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
        attacking.set(false);
        for (Thread attacker : attackers) {
            attacker.join(REPLY_TIMEOUT_MILLIS + CONNECT_TIMEOUT_MILLIS);
        }
        for (Socket stream : streams) {
            closeQuietly(stream);
        }
    }

    /**
     * Probes the lag until {@link #stopProbe()}: one write at a time by the given organization on its own statement,
     * then reads of the public summary until it shows the write.
     */
    void startProbe(DrillLoad load, String probeStatement, DrillLoad.Organization prober) {
        probing.set(true);
        probe = new Thread(() -> probe(load, probeStatement, prober), "flood-probe");
        probe.setDaemon(true);
        probe.start();
    }

    Result stopProbe() throws InterruptedException {
        probing.set(false);
        if (probe != null) {
            probe.join(settings.maxLag().toMillis() * 2 + 10_000);
        }
        Map<String, Map<String, Integer>> counted = new TreeMap<>();
        outcomes.forEach((kind, byOutcome) -> {
            Map<String, Integer> copy = new TreeMap<>();
            byOutcome.forEach((outcome, n) -> copy.put(outcome, n.get()));
            counted.put(kind, copy);
        });
        return new Result(
                counted,
                streams.size(),
                streamsRefused.get(),
                List.copyOf(lags),
                probesLate.get(),
                probeWritesFailed.get());
    }

    private void attacker(String name, Runnable send) {
        Thread thread = new Thread(
                () -> {
                    while (attacking.get() && System.nanoTime() < attackDeadline) {
                        send.run();
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
        attackers.add(thread);
    }

    private enum Framing {
        /** The header the old size filter did not recognize as chunked. */
        LEADING_COMMA_CHUNKED("Transfer-Encoding: ,chunked\r\n", true),
        /** A small Content-Length for a size check to trust, and chunked framing that the container obeys. */
        LYING_LENGTH_CHUNKED("Content-Length: 16\r\nTransfer-Encoding: ,chunked\r\n", true),
        /** A small Content-Length and the whole body after it. */
        LYING_LENGTH("Content-Length: 16\r\n", false),
        /** The true size, announced. */
        TRUE_LENGTH(null, false);

        final String headers;
        final boolean chunked;

        Framing(String headers, boolean chunked) {
            this.headers = headers;
            this.chunked = chunked;
        }
    }

    private void sendOversized() {
        int n = oversizedSent.getAndIncrement();
        if (n >= settings.oversized()) {
            sleepQuietly(PROBE_PAUSE);
            return;
        }
        Framing framing = Framing.values()[n % Framing.values().length];
        // The front door, and the two spellings that a prefix check let past authentication into the parser.
        List<String> paths = List.of("/api;x=1/organizations", "/%61pi/organizations", "/api/organizations");
        String path = paths.get((n / Framing.values().length) % paths.size());
        URI target = command;
        // Two long strings rather than one: each stays under Jackson's 20 M-character limit on a single string, so
        // a parser that reads the body builds both.
        byte[] prefix = "{\"organizationId\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] middle = "\",\"name\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
        long first = settings.bodyBytes() / 2;
        long second = settings.bodyBytes() - first;
        long length = (long) prefix.length + middle.length + suffix.length + settings.bodyBytes();
        String framingHeaders = framing.headers != null ? framing.headers : "Content-Length: " + length + "\r\n";
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + target.getAuthority()
                + "\r\nContent-Type: application/json\r\n" + framingHeaders + "Connection: close\r\n\r\n";
        String kind = "oversized " + (settings.bodyBytes() >> 20) + " MB, "
                + framing.name().toLowerCase().replace('_', ' ') + ", anonymous POST " + path;
        count(kind, exchange(target, head, out -> {
            writeBody(out, prefix, framing.chunked);
            writeFiller(out, first, framing.chunked);
            writeBody(out, middle, framing.chunked);
            writeFiller(out, second, framing.chunked);
            writeBody(out, suffix, framing.chunked);
            if (framing.chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }));
    }

    private void writeFiller(OutputStream out, long bytes, boolean chunked) throws IOException {
        byte[] filler = new byte[CHUNK];
        Arrays.fill(filler, (byte) 'A');
        for (long left = bytes; left > 0 && attacking.get(); left -= CHUNK) {
            int size = (int) Math.min(CHUNK, left);
            if (chunked) {
                out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(filler, 0, size);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(filler, 0, size);
            }
        }
    }

    private static void writeBody(OutputStream out, byte[] bytes, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(bytes);
        }
    }

    private record PathAttack(String kind, URI target, String method, String path, boolean withKey) {}

    private void sendPathAttack() {
        int n = pathSent.getAndIncrement();
        if (n >= settings.pathAttacks()) {
            sleepQuietly(PROBE_PAUSE);
            return;
        }
        List<PathAttack> attacks = List.of(
                new PathAttack(
                        "anonymous POST /api;x=1/organizations", command, "POST", "/api;x=1/organizations", false),
                new PathAttack("anonymous POST /%61pi/organizations", command, "POST", "/%61pi/organizations", false),
                new PathAttack(
                        "key holder POST /api/statements/<organization id>/close",
                        command,
                        "POST",
                        "/api/statements/" + organizationId + "/close",
                        true),
                new PathAttack(
                        "anonymous POST /api/statements/<organization id>/close",
                        command,
                        "POST",
                        "/api/statements/" + organizationId + "/close",
                        false),
                new PathAttack(
                        "anonymous POST /api;x=1/admin/replay (query)", query, "POST", "/api;x=1/admin/replay", false),
                new PathAttack(
                        "anonymous POST /%61pi/admin/replay (query)", query, "POST", "/%61pi/admin/replay", false));
        PathAttack attack = attacks.get(n % attacks.size());
        byte[] body = ("{\"organizationId\":\"flood-path-" + n + "\",\"name\":\"Flood " + n + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
        String head = attack.method() + " " + attack.path() + " HTTP/1.1\r\nHost: "
                + attack.target().getAuthority()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                + (attack.withKey() ? "Authorization: Bearer " + organizationKey + "\r\n" : "")
                + "Connection: close\r\n\r\n";
        count(attack.kind(), exchange(attack.target(), head, out -> out.write(body)));
    }

    private void openStream() {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(STREAM_RECEIVE_BUFFER);
            socket.connect(new InetSocketAddress(query.getHost(), query.getPort()), CONNECT_TIMEOUT_MILLIS);
            socket.getOutputStream()
                    .write(("GET /api/statements/" + liveStatement + "/live HTTP/1.1\r\nHost: " + query.getAuthority()
                                    + "\r\nAccept: text/event-stream\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            streams.add(socket);
        } catch (IOException e) {
            streamsRefused.incrementAndGet();
            closeQuietly(socket);
        }
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    /** One request on a connection of its own; the outcome is the status code, or what the connection did. */
    private static String exchange(URI target, String head, BodyWriter body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(REPLY_TIMEOUT_MILLIS);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), CHUNK);
            boolean sentAll = true;
            try {
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                body.write(out);
                out.flush();
            } catch (IOException closedWhileSending) {
                // A server that refuses a body early closes the connection; its answer may be waiting anyway.
                sentAll = false;
            }
            String status = statusOf(socket.getInputStream());
            if (status != null) {
                return status;
            }
            return sentAll ? "closed without an answer" : "closed while the body was sent";
        } catch (java.net.SocketTimeoutException e) {
            return "no answer within " + REPLY_TIMEOUT_MILLIS / 1000 + " s";
        } catch (java.net.ConnectException e) {
            return "connection refused";
        } catch (IOException e) {
            return "connection reset";
        }
    }

    /** The status code of the answer's first line, or null if the connection ended without one. */
    private static String statusOf(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        try {
            for (int c; (c = in.read()) != -1 && c != '\n' && line.length() < 200; ) {
                line.append((char) c);
            }
        } catch (java.net.SocketException reset) {
            // reset after the server closed: no answer to read
        }
        String[] parts = line.toString().trim().split(" ");
        return parts.length >= 2 && parts[0].startsWith("HTTP/") ? parts[1] : null;
    }

    private void count(String kind, String outcome) {
        outcomes.computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new AtomicInteger())
                .incrementAndGet();
    }

    private void probe(DrillLoad load, String statement, DrillLoad.Organization prober) {
        boolean endorse = true;
        String path = "/api/statements/" + statement + "/endorsements/" + prober.id();
        while (probing.get()) {
            ApiReply reply;
            try {
                reply = load.send(endorse ? "PUT" : "DELETE", path, prober.key());
            } catch (java.io.InterruptedIOException e) {
                return;
            } catch (IOException e) {
                probeWritesFailed.incrementAndGet();
                sleepQuietly(PROBE_PAUSE);
                continue;
            }
            long acknowledged = System.nanoTime();
            if (reply.status() == 409) {
                endorse = !endorse;
                continue;
            }
            if (reply.status() / 100 != 2 || reply.position().isEmpty()) {
                probeWritesFailed.incrementAndGet();
                sleepQuietly(PROBE_PAUSE);
                continue;
            }
            endorse = !endorse;
            // The position's sequence number counts the pair's events: the summary shows them all once it has this one.
            long events = reply.position().get().sequence() + 1;
            long deadline = acknowledged + settings.maxLag().toNanos();
            boolean visible = false;
            while (System.nanoTime() < deadline) {
                if (eventsInViews(statement) >= events) {
                    visible = true;
                    break;
                }
                sleepQuietly(PROBE_POLL);
            }
            if (visible) {
                lags.add(Duration.ofNanos(System.nanoTime() - acknowledged));
            } else {
                probesLate.incrementAndGet();
            }
            sleepQuietly(PROBE_PAUSE);
        }
    }

    /** Added plus withdrawn on the public summary: it grows by one with each of the probe's writes. */
    private long eventsInViews(String statement) {
        try {
            ApiReply response = reads.get("/api/statements/" + statement);
            if (response.status() != 200) {
                return -1;
            }
            JsonNode summary = response.json();
            return summary.path("totalEndorsementsAdded").asLong()
                    + summary.path("withdrawals").asLong();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            // A reset frees the server's side at once instead of after its write timeout.
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
