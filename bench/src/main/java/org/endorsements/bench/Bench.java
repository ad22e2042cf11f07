package org.endorsements.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The benchmark of one running platform (started by {@code ./endorsements bench}): raw ceilings of its event store
 * and broker, sustained endorsements/s through HTTP (closed loop), latency and command-to-view lag at fixed offered
 * rates (open loop, coordinated-omission corrected), the highest rate held with p99 ≤ 100 ms, and replay speed.
 * Prints a Markdown table and writes it with a JSON twin into the results folder.
 */
public final class Bench {

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(10);
    private static final int CEILING_THREADS = 16;
    private static final double P99_TARGET_MS = 100;

    private Bench() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "drill".equals(args[0])) {
            org.endorsements.bench.drill.Drills.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            System.err.println("The benchmark stopped: " + e);
            e.printStackTrace();
            // Worker pools are not daemon threads: end the JVM explicitly.
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String store = opts.getOrDefault("store", "h2");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("store", store);
        results.put("startedAt", Instant.now().toString());
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("memoryGiB", Math.round(totalMemoryGiB() * 10) / 10.0);
        results.put("java", System.getProperty("java.version"));
        List<String[]> rows = new ArrayList<>();

        System.out.println("Raw ceilings (" + CEILING_THREADS + " connections, one commit per row)...");
        double jdbc = RawCeilings.jdbcRowsPerSecond(opts.get("jdbc-url"), opts.getOrDefault("jdbc-user", "sa"),
                CEILING_THREADS, MEASURE);
        double kafka = RawCeilings.kafkaRecordsPerSecond(opts.get("kafka"), MEASURE);
        results.put("rawEventStoreRowsPerSecond", round(jdbc));
        results.put("rawKafkaRecordsPerSecond", round(kafka));
        rows.add(row("raw event-store ceiling (" + store + ", rows/s)", jdbc));
        rows.add(row("raw Kafka ceiling (records/s, acks=all)", kafka));

        PlatformLoad load = new PlatformLoad(opts.get("command-url"), opts.get("query-url"), opts.get("admin-key"));
        load.prepare(Integer.parseInt(opts.getOrDefault("organizations", "3000")));
        double best = 0;
        for (int clients : new int[] {8, 32, 64}) {
            load.closedLoop(clients, WARM_UP);
            double rate = load.closedLoop(clients, MEASURE);
            best = Math.max(best, rate);
            results.put("closedLoop" + clients + "PerSecond", round(rate));
            rows.add(row("sustained endorsements/s via HTTP, " + clients + " clients", rate));
        }
        Duration drain = load.awaitIdle(Duration.ofMinutes(5));
        results.put("backlogDrainSecondsAfterClosedLoop", drain.toMillis() / 1000.0);
        rows.add(new String[] {"time for relay and projection to catch up after the closed loops",
            String.format("%.1f s", drain.toMillis() / 1000.0)});
        results.put("platformOverRawCeiling", round(best / jdbc * 100) / 100.0);
        rows.add(new String[] {"platform ÷ raw event-store ceiling", String.format("%.0f %%", best / jdbc * 100)});

        double held = 0;
        for (int rate : new int[] {100, 250, 500, 1000, 1500, 2000, 3000}) {
            load.awaitIdle(Duration.ofMinutes(5));
            PlatformLoad.OpenLoopResult r = load.openLoop(rate, MEASURE);
            Histogram latency = r.latency();
            String name = "open loop " + rate + "/s";
            results.put("openLoop" + rate, Map.of("achievedPerSecond", round(r.achieved()),
                    "p50ms", ms(latency, 50), "p95ms", ms(latency, 95), "p99ms", ms(latency, 99),
                    "maxms", latency.getMaxValue() / 1000.0, "lagP50ms", ms(r.lag(), 50), "lagP99ms", ms(r.lag(), 99),
                    "errors", r.errors(), "lagProbesNotConsistentWithin5s", r.lagTimeouts()));
            rows.add(new String[] {name + ": latency p50 / p95 / p99 / max (ms)", String.format("%.1f / %.1f / %.1f / %.1f",
                    ms(latency, 50), ms(latency, 95), ms(latency, 99), latency.getMaxValue() / 1000.0)});
            rows.add(new String[] {name + ": command → view lag p50 / p99 (ms)", r.lag().getTotalCount() == 0
                    ? "no probe became consistent within 5 s (" + r.lagTimeouts() + " probes)"
                    : String.format("%.1f / %.1f (%d of %d probes not consistent within 5 s)", ms(r.lag(), 50),
                            ms(r.lag(), 99), r.lagTimeouts(), r.lagTimeouts() + r.lag().getTotalCount())});
            if (ms(latency, 99) <= P99_TARGET_MS && r.errors() == 0 && r.achieved() >= rate * 0.95) {
                held = rate;
            } else {
                break;
            }
        }
        results.put("highestRateWithP99Under100ms", held);
        rows.add(row("highest offered rate held with p99 ≤ 100 ms (/s)", held));

        load.awaitIdle(Duration.ofMinutes(5));
        double replay = load.replay(opts.get("admin-key"));
        results.put("replayEventsPerSecond", round(replay));
        rows.add(row("replay of every view from offset 0 (events/s)", replay));
        for (String key : List.of("startup-command", "startup-query", "rss-command-kb", "rss-query-kb")) {
            if (opts.containsKey(key)) {
                results.put(key, opts.get(key));
                rows.add(new String[] {key.replace('-', ' '), opts.get(key)});
            }
        }
        String markdown = markdown(results, rows);
        System.out.println();
        System.out.println(markdown);
        Path dir = Path.of(opts.getOrDefault("results", "results"));
        Files.createDirectories(dir);
        String base = Instant.now().toString().replace(':', '-') + "-" + store;
        Files.writeString(dir.resolve(base + ".md"), markdown);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(base + ".json").toFile(),
                results);
        System.out.println("Written to " + dir.resolve(base + ".md") + " and .json");
        load.close();
    }

    private static String markdown(Map<String, Object> results, List<String[]> rows) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(results.get("store")).append(" event store — ").append(results.get("startedAt"))
                .append("\n\n").append(results.get("cores")).append(" cores, ").append(results.get("memoryGiB"))
                .append(" GiB, Java ").append(results.get("java")).append("\n\n| measure | value |\n| --- | --- |\n");
        rows.forEach(r -> md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" |\n"));
        return md.toString();
    }

    private static String[] row(String name, double value) {
        return new String[] {name, String.format("%,.0f", value)};
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value);
    }

    private static double totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (java.io.IOException ignored) {
            // not Linux
        }
        return 0;
    }
}
