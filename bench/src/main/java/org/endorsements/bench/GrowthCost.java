package org.endorsements.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.endorsements.http.ApiClient;
import org.endorsements.http.ApiReply;

/**
 * What one statement's size costs: it is filled to each size in turn (organizations registered and endorsing
 * through the API), and at each size the command latency of further endorsements and the read latency of the
 * signatory list (first and middle page), of {@code asOf} and of the growth series are measured, each with the
 * platform otherwise idle.
 */
final class GrowthCost {

    private static final int FILL_CLIENTS = 32;
    private static final int WARM_UP = 2_000;
    private static final int COMMAND_CLIENTS = 4;
    private static final int COMMAND_SAMPLES = 400;
    private static final int READ_SAMPLES = 40;
    private static final int PAGE_SIZE = 50;
    private static final long MAX_MICROS = 60_000_000L;

    private final PlatformLoad load;
    private final ApiClient admin;
    private final ApiClient query;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final AtomicLong nextOrganization = new AtomicLong();
    /** The embedded event store's file, whose size is reported at each size; empty on PostgreSQL. */
    private final Optional<Path> eventStoreFile;
    /** A statement an earlier run filled, to continue from its current size instead of from zero. */
    private final Optional<String> resume;

    GrowthCost(PlatformLoad load, Optional<Path> eventStoreFile, Optional<String> resume) {
        this.load = load;
        this.eventStoreFile = eventStoreFile;
        this.resume = resume;
        this.admin = load.admin();
        this.query = load.query();
    }

    void run(List<Integer> sizes, Map<String, Object> results, List<String[]> rows) throws Exception {
        // Warm-up on a statement of its own (JIT, pools), so that the first size is not measured cold.
        String warmUp = publish("growth-warm-up-" + run);
        System.out.printf("Warm-up: %,d endorsements on %s (not measured)...%n", WARM_UP, warmUp);
        fill(warmUp, WARM_UP, 0, -1, Instant.now());
        // Measured as every size is: after relay and projection caught up with the fill.
        load.awaitIdle(Duration.ofMinutes(5));
        Histogram small = commandLatency(warmUp, COMMAND_SAMPLES);
        reads("/api/statements/" + warmUp + "/endorsements?page=0&size=" + PAGE_SIZE);
        load.awaitIdle(Duration.ofMinutes(5));

        String statement;
        long filled;
        Instant halfway;
        if (resume.isPresent()) {
            // Continue a statement an earlier run filled (on the same, still running platform): sizes it already
            // passed are measured at its current size; asOf reads halfway between its publication and now.
            statement = resume.get();
            ApiReply current = query.get("/api/statements/" + statement);
            if (current.status() != 200) {
                throw new IllegalStateException("statement " + statement + " to resume: " + current.status());
            }
            JsonNode view = current.json();
            filled = view.path("endorsementCount").asLong();
            Instant published = Instant.parse(view.path("publishedAt").asText());
            halfway = published.plus(Duration.between(published, Instant.now()).dividedBy(2));
            System.out.printf("Resuming %s at %,d endorsements%n", statement, filled);
        } else {
            statement = publish("growth-" + run);
            filled = 0;
            halfway = Instant.now();
        }
        Double firstCommandP99 = null;
        Double firstCommandP50 = null;
        if (resume.isPresent()) {
            // No small size in this run: the warm-up statement, measured minutes ago on the same platform, is the
            // baseline the ratio compares with.
            firstCommandP99 = Bench.ms(small, 99);
            firstCommandP50 = Bench.ms(small, 50);
            String at = String.format("warm-up statement at %,d: ", WARM_UP + COMMAND_SAMPLES);
            row(rows, at + "command latency p50 / p99 (ms)", pair(small));
        }
        for (int size : sizes) {
            long toFill = Math.max(0, size - COMMAND_SAMPLES - filled);
            System.out.printf("Filling %s to %,d endorsements...%n", statement, filled + toFill);
            long started = System.nanoTime();
            halfway = fill(statement, toFill, filled, size / 2L, halfway);
            filled += toFill;
            double fillRate = toFill / ((System.nanoTime() - started) / 1e9);
            load.awaitIdle(Duration.ofMinutes(30));

            Histogram command = commandLatency(statement, COMMAND_SAMPLES);
            filled += COMMAND_SAMPLES;
            load.awaitIdle(Duration.ofMinutes(5));

            Map<String, Object> json = new LinkedHashMap<>();
            json.put("endorsements", filled);
            json.put("fillEndorsementsPerSecond", Bench.round(fillRate));
            json.put("command", latency(command));
            results.put("growth" + size, json);
            String at = String.format("at %,d: ", filled);
            // A run to 1 M takes hours: each figure is printed as soon as it is measured, so that a later failure
            // (a read at a size never tried before) does not take the earlier ones with it.
            row(rows, at + "command latency p50 / p99 (ms)", pair(command));
            if (firstCommandP99 == null) {
                firstCommandP99 = Bench.ms(command, 99);
                firstCommandP50 = Bench.ms(command, 50);
            } else {
                String ratio = String.format(
                        "%.2f (p50) / %.2f (p99)",
                        Bench.ms(command, 50) / firstCommandP50, Bench.ms(command, 99) / firstCommandP99);
                results.put("commandLatencyRatio" + size, ratio);
                row(
                        rows,
                        at + "command latency ÷ latency at the first size"
                                + (resume.isPresent() ? " (the warm-up statement)" : ""),
                        ratio);
            }
            if (eventStoreFile.isPresent() && Files.exists(eventStoreFile.get())) {
                long bytes = Files.size(eventStoreFile.get());
                json.put("eventStoreFileBytes", bytes);
                row(
                        rows,
                        at + "H2 event store file (MB; KB per endorsement)",
                        String.format("%,d; %.1f", bytes >> 20, bytes / 1024.0 / filled));
            }

            String base = "/api/statements/" + statement;
            long middlePage = Math.max(0, filled / PAGE_SIZE / 2);
            read(
                    json,
                    rows,
                    "signatoryFirstPage",
                    at + "signatory list, first page p50 / p99 (ms)",
                    base + "/endorsements?page=0&size=" + PAGE_SIZE);
            read(
                    json,
                    rows,
                    "signatoryMiddlePage",
                    at + "signatory list, page " + middlePage + " p50 / p99 (ms)",
                    base + "/endorsements?page=" + middlePage + "&size=" + PAGE_SIZE);
            read(
                    json,
                    rows,
                    "asOf",
                    at + "asOf (first page) p50 / p99 (ms)",
                    base + "/endorsements?page=0&size=" + PAGE_SIZE + "&asOf=" + halfway);
            read(
                    json,
                    rows,
                    "growthSeries",
                    at + "growth series (hourly) p50 / p99 (ms)",
                    base + "/growth?interval=hour");
        }
    }

    /** Measures one read; a failed read is reported as such and the run goes on to the next read and size. */
    private void read(Map<String, Object> json, List<String[]> rows, String key, String label, String path)
            throws Exception {
        try {
            Histogram histogram = reads(path);
            json.put(key, latency(histogram));
            row(rows, label, pair(histogram));
        } catch (IllegalStateException | java.io.IOException failed) {
            json.put(key, Map.of("failed", String.valueOf(failed.getMessage())));
            row(rows, label, "FAILED: " + failed);
        }
    }

    private static void row(List<String[]> rows, String label, String value) {
        rows.add(new String[] {label, value});
        System.out.printf("  %s: %s%n", label, value);
    }

    private String publish(String statement) throws Exception {
        ApiReply published = admin.post(
                "/api/statements",
                Map.of("statementId", statement, "title", "Growth benchmark", "body", "Synthetic.", "language", "en"));
        if (published.status() != 201) {
            throw new IllegalStateException("publishing " + statement + " failed: " + published.status());
        }
        return statement;
    }

    /** Registers and endorses {@code count} organizations; returns the moment the statement passed {@code half}. */
    private Instant fill(String statement, long count, long already, long half, Instant halfway) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(FILL_CLIENTS);
        AtomicLong remaining = new AtomicLong(count);
        AtomicLong done = new AtomicLong(already);
        Instant[] passed = {halfway};
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < FILL_CLIENTS; c++) {
            workers.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    endorse(statement, register());
                    if (done.incrementAndGet() == half) {
                        passed[0] = Instant.now();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return passed[0];
    }

    private Histogram commandLatency(String statement, int samples) throws Exception {
        List<String> organizations = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            organizations.add(register());
        }
        Histogram histogram = new Histogram(MAX_MICROS, 3);
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(COMMAND_CLIENTS);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < COMMAND_CLIENTS; c++) {
            workers.add(pool.submit(() -> {
                for (long i; (i = next.getAndIncrement()) < samples; ) {
                    long start = System.nanoTime();
                    endorse(statement, organizations.get((int) i));
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - start) / 1000));
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return histogram;
    }

    private Histogram reads(String path) throws Exception {
        Histogram histogram = new Histogram(MAX_MICROS, 3);
        for (int i = 0; i < READ_SAMPLES; i++) {
            long start = System.nanoTime();
            query.get(path).expect(200);
            histogram.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - start) / 1000));
        }
        return histogram;
    }

    private String register() throws Exception {
        String id = "g-" + run + "-" + nextOrganization.getAndIncrement();
        ApiReply reply =
                admin.post("/api/organizations", Map.of("organizationId", id, "name", "Growth organization " + id));
        if (reply.status() != 201) {
            throw new IllegalStateException("registration failed: " + reply.status() + " " + reply.body());
        }
        return id;
    }

    private void endorse(String statement, String organization) throws Exception {
        ApiReply reply = admin.put("/api/statements/" + statement + "/endorsements/" + organization, null);
        if (reply.status() != 201) {
            throw new IllegalStateException("endorsement failed: " + reply.status() + " " + reply.body());
        }
    }

    private static Map<String, Object> latency(Histogram h) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("p50ms", Bench.ms(h, 50));
        json.put("p99ms", Bench.ms(h, 99));
        json.put("maxms", h.getMaxValue() / 1000.0);
        return json;
    }

    private static String pair(Histogram h) {
        return String.format("%.1f / %.1f", Bench.ms(h, 50), Bench.ms(h, 99));
    }
}
