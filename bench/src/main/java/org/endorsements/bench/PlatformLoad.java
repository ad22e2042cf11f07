package org.endorsements.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.http.ApiClient;
import org.endorsements.http.ApiReply;

/**
 * Load on a running platform through its public HTTP APIs: endorsements recorded by the admin (imports; the admin's
 * rate limit, 10,000 requests/s by default, is well above the highest rate offered here), each on a statement ×
 * organization pair never used before.
 */
final class PlatformLoad implements AutoCloseable {

    /** Generous: reads of a 1 M-signature statement scan on the embedded server and take seconds. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final int LAG_SAMPLE_EVERY = 10;

    record OpenLoopResult(double achieved, Histogram latency, Histogram lag, int errors, int lagTimeouts) {}

    private final ApiClient admin;
    private final ApiClient query;
    private final String adminKey;
    private final List<String> organizations = new ArrayList<>();
    private final AtomicLong pairs = new AtomicLong();
    private final List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService probes = Executors.newFixedThreadPool(8);
    private volatile long replayed;

    PlatformLoad(String commandUrl, String queryUrl, String adminKey) {
        this.admin = ApiClient.create(commandUrl, ApiClient.Settings.DEFAULT.withRequestTimeout(REQUEST_TIMEOUT))
                .withKey(adminKey);
        this.query = admin.withBaseUrl(queryUrl).withKey(null);
        this.adminKey = adminKey;
    }

    /** Registers the organizations that will sign (concurrently, as the admin). */
    void prepare(int count) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<java.util.concurrent.Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "bench-" + run + "-" + i;
            ids.add(pool.submit(() -> {
                ApiReply reply = admin.post(
                        "/api/organizations", Map.of("organizationId", id, "name", "Benchmark organization " + id));
                if (reply.status() != 201) {
                    throw new IllegalStateException("registration failed: " + reply.status() + " " + reply.body());
                }
                return id;
            }));
        }
        for (var id : ids) {
            organizations.add(id.get());
        }
        pool.shutdown();
        System.out.printf("Prepared %d organizations%n", organizations.size());
    }

    /** The next statement × organization pair never endorsed; a new statement when every organization signed. */
    private String[] nextPair() throws Exception {
        long n = pairs.getAndIncrement();
        int statementIndex = (int) (n / organizations.size());
        synchronized (statements) {
            while (statements.size() <= statementIndex) {
                String id = "bench-statement-" + UUID.randomUUID().toString().substring(0, 8);
                ApiReply reply = admin.post(
                        "/api/statements",
                        Map.of("statementId", id, "title", "Benchmark", "body", "Synthetic.", "language", "en"));
                if (reply.status() != 201) {
                    throw new IllegalStateException("statement failed: " + reply.status());
                }
                statements.add(id);
            }
        }
        return new String[] {statements.get(statementIndex), organizations.get((int) (n % organizations.size()))};
    }

    private ApiReply endorse(String[] pair) throws IOException {
        return admin.put(endorsementPath(pair), null);
    }

    private static String endorsementPath(String[] pair) {
        return "/api/statements/" + pair[0] + "/endorsements/" + pair[1];
    }

    /** Endorsements/s completed by {@code clients} clients that each send as soon as the last answer came. */
    double closedLoop(int clients, Duration duration) throws Exception {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        if (endorse(nextPair()).status() == 201) {
                            done.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            client.start();
            threads.add(client);
        }
        for (Thread client : threads) {
            client.join();
        }
        return done.get() / (duration.toMillis() / 1000.0);
    }

    /**
     * Sends at a fixed rate whatever the answers do; latency counts from when each request was due, so queueing
     * behind slow answers is measured. The sends are asynchronous: a slow answer holds no sender thread, and the
     * schedule is kept by this one thread. Every tenth write is read back with minPosition to measure the lag.
     */
    OpenLoopResult openLoop(int rate, Duration duration) throws Exception {
        Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        Histogram lag = new Histogram(MAX_LATENCY_MICROS, 3);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger lagTimeouts = new AtomicInteger();
        AtomicLong completed = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        List<CompletableFuture<?>> lagProbes = new java.util.concurrent.CopyOnWriteArrayList<>();
        long total = rate * duration.toSeconds();
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            boolean probed = i % LAG_SAMPLE_EVERY == 0;
            inFlight.add(admin.sendAsync("PUT", endorsementPath(nextPair()), null)
                    .handle((reply, failure) -> {
                        long answered = System.nanoTime();
                        synchronized (latency) {
                            latency.recordValue(Math.min(MAX_LATENCY_MICROS, (answered - due) / 1000));
                        }
                        if (failure != null || reply.status() != 201) {
                            errors.incrementAndGet();
                            return null;
                        }
                        completed.incrementAndGet();
                        if (probed && reply.header(ConsistencyToken.HEADER).isPresent()) {
                            lagProbes.add(CompletableFuture.runAsync(
                                    () -> probeLag(reply, answered, lag, lagTimeouts), probes));
                        }
                        return null;
                    }));
        }
        awaitAll(inFlight);
        double seconds = (System.nanoTime() - start) / 1e9;
        // Each probe waits at most the read-your-writes timeout; the phase's figures include all of them.
        awaitAll(lagProbes);
        return new OpenLoopResult(completed.get() / seconds, latency, lag, errors.get(), lagTimeouts.get());
    }

    private static void awaitAll(List<CompletableFuture<?>> futures) throws InterruptedException {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("requests of the phase did not end within 2 minutes", e);
        }
    }

    /** How long after the write's answer a read with its minPosition returns (the views include it by then). */
    private void probeLag(ApiReply write, long answered, Histogram lag, AtomicInteger timeouts) {
        try {
            String statement = write.json().path("statementId").asText();
            ApiReply read =
                    query.get("/api/statements/" + statement, write.position().orElseThrow());
            if (read.status() == 200) {
                synchronized (lag) {
                    lag.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - answered) / 1000));
                }
            } else {
                timeouts.incrementAndGet();
            }
        } catch (IOException | IllegalArgumentException ignored) {
            // a failed probe is simply not counted
        }
    }

    /**
     * Waits until the relay and the projection have caught up (both lag gauges at 0), so that a phase's lag is
     * its own and not the backlog of the phase before. Returns how long that took.
     */
    Duration awaitIdle(Duration max) throws Exception {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (gauge(admin, "endorsements_relay_lag") == 0 && gauge(query, "endorsements_projection_lag") == 0) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(250);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static double gauge(ApiClient service, String name) throws IOException {
        for (String line : service.get("/actuator/prometheus").body().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    /** Starts a replay of every view and returns its events/s once it has switched over. */
    double replay(String key) throws Exception {
        ApiClient replays = query.withKey(key);
        ApiReply started = replays.post("/api/admin/replay", null);
        if (started.status() != 202) {
            throw new IllegalStateException("replay did not start: " + started.status());
        }
        while (true) {
            Thread.sleep(1000);
            var progress = replays.get("/api/admin/replay").json();
            switch (progress.path("state").asText()) {
                case "SWITCHED":
                    replayed = progress.path("total").asLong();
                    return progress.path("eventsPerSecond").asDouble();
                case "FAILED":
                    throw new IllegalStateException("replay failed");
                default:
                    break;
            }
        }
    }

    /** How many events the last replay projected. */
    long topicEvents() {
        return replayed;
    }

    /** The command service, with the admin's key. */
    ApiClient admin() {
        return admin;
    }

    /** The query service, anonymous. */
    ApiClient query() {
        return query;
    }

    String adminKey() {
        return adminKey;
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
