package org.endorsements.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.endorsements.bench.drill.DrillCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The benchmark of one running platform (started by {@code ./endorsements bench}): raw ceilings of its event store
 * and broker, sustained endorsements/s through HTTP (closed loop), latency and command-to-view lag at fixed offered
 * rates (open loop, coordinated-omission corrected), the highest rate held with p99 ≤ 100 ms, and replay speed.
 * Prints a Markdown table and writes it with a JSON twin into the results folder. {@code drill} is the fault drills'
 * sub-command.
 */
@Command(
        name = "bench",
        subcommands = DrillCommand.class,
        sortOptions = false,
        description = {
            "Benchmarks one running platform (./endorsements bench starts it, once per event store, and "
                    + "passes the options marked (launcher) itself; the others are yours to give).",
            "Results go to the results folder as Markdown and JSON."
        })
public final class Bench implements Callable<Integer> {

    /** What to measure. */
    enum Mode {
        /** Raw ceilings, throughput, latency, lag and replay. */
        platform,
        /** The cost of growth: one statement filled to each of the sizes. */
        growth
    }

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(10);
    private static final Duration WARM_UP_TOTAL = Duration.ofSeconds(20);
    private static final int CEILING_THREADS = 16;
    private static final double P99_TARGET_MS = 100;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "this help")
    boolean help;

    @Option(
            names = "--mode",
            defaultValue = "platform",
            description = "platform (default) or growth (./endorsements bench growth)")
    Mode mode;

    @Option(names = "--repetitions", defaultValue = "3", description = "repetitions of each measure (default: 3)")
    int repetitions;

    @Option(
            names = "--organizations",
            defaultValue = "3000",
            description = "organizations registered to sign (default: 3000)")
    int organizations;

    @Option(
            names = "--sizes",
            split = ",",
            defaultValue = "1000,10000,100000",
            description = "growth: the statement sizes measured (default: 1000,10000,100000)")
    List<Integer> sizes;

    @Option(
            names = "--resume-statement",
            description = "growth: continue a statement an earlier run filled on the same running platform")
    String resumeStatement;

    @Option(
            names = "--store",
            defaultValue = "h2",
            description = "(launcher) the event store's name in the results: h2 or postgres")
    String store;

    @Option(names = "--command-url", description = "(launcher, required) the command service")
    String commandUrl;

    @Option(names = "--query-url", description = "(launcher, required) the query service")
    String queryUrl;

    @Option(names = "--admin-key", description = "(launcher, required) the platform's admin key")
    String adminKey;

    @Option(
            names = "--jdbc-url",
            description = "(launcher) a database on the event store's engine, for its raw ceiling")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "sa", description = "(launcher) its user (default: sa)")
    String jdbcUser;

    @Option(names = "--kafka", description = "(launcher) the broker, for its raw ceiling")
    String kafka;

    @Option(
            names = "--event-store-file",
            description = "(launcher) the embedded event store's file, whose size growth reports")
    Path eventStoreFile;

    @Option(names = "--results", defaultValue = "results", description = "(launcher) the results folder")
    Path resultsDir;

    @Option(names = "--startup-command", description = "(launcher) reported as given")
    String startupCommand;

    @Option(names = "--startup-query", description = "(launcher) reported as given")
    String startupQuery;

    @Option(names = "--rss-command-kb", description = "(launcher) reported as given")
    String rssCommandKb;

    @Option(names = "--rss-query-kb", description = "(launcher) reported as given")
    String rssQueryKb;

    public static void main(String[] args) {
        // Worker pools are not daemon threads: end the JVM explicitly.
        System.exit(commandLine().execute(args));
    }

    /**
     * The benchmark and its sub-commands. An option given twice takes its last value: the launcher gives its
     * defaults (such as {@code --results}) first and the operator's own options after them.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new Bench()).setOverwrittenOptionsAllowed(true);
    }

    @Override
    public Integer call() {
        // Not required by picocli, which would then ask for them before the drill sub-command too.
        if (commandUrl == null || queryUrl == null || adminKey == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "the benchmark needs --command-url, --query-url and "
                            + "--admin-key (./endorsements bench passes them)");
        }
        if (mode == Mode.platform && (jdbcUrl == null || kafka == null)) {
            throw new ParameterException(
                    spec.commandLine(), "the platform benchmark needs --jdbc-url and --kafka for the raw ceilings");
        }
        try {
            run();
            return 0;
        } catch (Exception e) {
            System.err.println("The benchmark stopped: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private void run() throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("store", store);
        results.put("startedAt", Instant.now().toString());
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("memoryGiB", Math.round(totalMemoryGiB() * 10) / 10.0);
        results.put("java", System.getProperty("java.version"));
        List<String[]> rows = new ArrayList<>();

        PlatformLoad load = new PlatformLoad(commandUrl, queryUrl, adminKey);
        if (mode == Mode.growth) {
            new GrowthCost(load, Optional.ofNullable(eventStoreFile), Optional.ofNullable(resumeStatement))
                    .run(sizes, results, rows);
            finish(store + "-growth", results, rows);
            load.close();
            return;
        }

        System.out.println("Raw ceilings (" + CEILING_THREADS + " connections, one commit per row)...");
        double jdbc = RawCeilings.jdbcRowsPerSecond(jdbcUrl, jdbcUser, CEILING_THREADS, MEASURE);
        double kafkaRate = RawCeilings.kafkaRecordsPerSecond(kafka, MEASURE);
        results.put("rawEventStoreRowsPerSecond", round(jdbc));
        results.put("rawKafkaRecordsPerSecond", round(kafkaRate));
        rows.add(row("raw event-store ceiling (" + store + ", rows/s)", jdbc));
        rows.add(row("raw Kafka ceiling (records/s, acks=all)", kafkaRate));

        results.put("repetitions", repetitions);
        load.prepare(organizations);
        // Warm-up, not reported: JIT compilation, connection pools, the first segments of every table.
        System.out.println("Warm-up (" + WARM_UP_TOTAL.toSeconds() + " s, not measured)...");
        load.closedLoop(32, WARM_UP_TOTAL);
        load.awaitIdle(Duration.ofMinutes(5));
        double best = 0;
        for (int clients : new int[] {8, 32, 64}) {
            load.closedLoop(clients, WARM_UP);
            List<Double> rates = new ArrayList<>();
            for (int r = 0; r < repetitions; r++) {
                rates.add(load.closedLoop(clients, MEASURE));
            }
            Stats rate = Stats.of(rates);
            best = Math.max(best, rate.median());
            results.put("closedLoop" + clients + "PerSecond", rate.json());
            rows.add(new String[] {"sustained endorsements/s via HTTP, " + clients + " clients", rate.text("%.0f")});
        }
        Duration drain = load.awaitIdle(Duration.ofMinutes(5));
        results.put("backlogDrainSecondsAfterClosedLoop", drain.toMillis() / 1000.0);
        rows.add(new String[] {
            "time for relay and projection to catch up after the closed loops",
            String.format("%.1f s", drain.toMillis() / 1000.0)
        });
        results.put("platformOverRawCeiling", round(best / jdbc * 100) / 100.0);
        rows.add(new String[] {
            "platform (best median) ÷ raw event-store ceiling", String.format("%.1f %%", best / jdbc * 100)
        });

        double held = 0;
        boolean failed = false;
        for (int rate : new int[] {100, 250, 500, 750, 1000, 1500, 2000}) {
            if (failed && rate != 1000) {
                continue;
            }
            List<Double> p50 = new ArrayList<>();
            List<Double> p95 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> max = new ArrayList<>();
            List<Double> lag50 = new ArrayList<>();
            List<Double> lag99 = new ArrayList<>();
            List<Double> achieved = new ArrayList<>();
            int errors = 0;
            int lagTimeouts = 0;
            for (int r = 0; r < repetitions; r++) {
                load.awaitIdle(Duration.ofMinutes(5));
                PlatformLoad.OpenLoopResult result = load.openLoop(rate, MEASURE);
                p50.add(ms(result.latency(), 50));
                p95.add(ms(result.latency(), 95));
                p99.add(ms(result.latency(), 99));
                max.add(result.latency().getMaxValue() / 1000.0);
                if (result.lag().getTotalCount() > 0) {
                    lag50.add(ms(result.lag(), 50));
                    lag99.add(ms(result.lag(), 99));
                }
                achieved.add(result.achieved());
                errors += result.errors();
                lagTimeouts += result.lagTimeouts();
            }
            String name = "open loop " + rate + "/s";
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("achievedPerSecond", Stats.of(achieved).json());
            json.put("p50ms", Stats.of(p50).json());
            json.put("p95ms", Stats.of(p95).json());
            json.put("p99ms", Stats.of(p99).json());
            json.put("maxms", Stats.of(max).json());
            json.put("lagP50ms", lag50.isEmpty() ? null : Stats.of(lag50).json());
            json.put("lagP99ms", lag99.isEmpty() ? null : Stats.of(lag99).json());
            json.put("errors", errors);
            json.put("lagProbesNotConsistentWithin5s", lagTimeouts);
            results.put("openLoop" + rate, json);
            rows.add(new String[] {name + ": achieved/s", Stats.of(achieved).text("%.0f")});
            rows.add(new String[] {
                name + ": latency p50 / p95 / p99 / max (ms)",
                Stats.of(p50).text("%.1f") + " / "
                        + Stats.of(p95).text("%.1f") + " / " + Stats.of(p99).text("%.1f") + " / "
                        + Stats.of(max).text("%.0f")
            });
            rows.add(new String[] {
                name + ": command → view lag p50 / p99 (ms)",
                lag50.isEmpty()
                        ? "no probe became consistent within 5 s (" + lagTimeouts + " probes)"
                        : Stats.of(lag50).text("%.0f") + " / " + Stats.of(lag99).text("%.0f")
                                + (lagTimeouts > 0 ? " (" + lagTimeouts + " probes not consistent within 5 s)" : "")
            });
            boolean holds = Stats.of(p99).median() <= P99_TARGET_MS
                    && errors == 0
                    && Stats.of(achieved).median() >= rate * 0.95;
            if (holds && !failed) {
                held = rate;
            } else {
                failed = true;
            }
        }
        results.put("highestRateWithP99Under100ms", held);
        rows.add(row("highest offered rate held with median p99 ≤ 100 ms (/s)", held));

        List<Double> replays = new ArrayList<>();
        for (int r = 0; r < repetitions; r++) {
            load.awaitIdle(Duration.ofMinutes(5));
            replays.add(load.replay(adminKey));
        }
        results.put("replayEventsPerSecond", Stats.of(replays).json());
        results.put("replayedEvents", load.topicEvents());
        rows.add(new String[] {
            "replay of every view from offset 0 (events/s, " + load.topicEvents() + " events)",
            Stats.of(replays).text("%.0f")
        });
        Map<String, String> reported = new LinkedHashMap<>();
        reported.put("startup-command", startupCommand);
        reported.put("startup-query", startupQuery);
        reported.put("rss-command-kb", rssCommandKb);
        reported.put("rss-query-kb", rssQueryKb);
        reported.forEach((key, value) -> {
            if (value != null) {
                results.put(key, value);
                rows.add(new String[] {key.replace('-', ' '), value});
            }
        });
        finish(store, results, rows);
        load.close();
    }

    private void finish(String name, Map<String, Object> results, List<String[]> rows) throws java.io.IOException {
        String markdown = markdown(results, rows);
        System.out.println();
        System.out.println(markdown);
        Path dir = resultsDir;
        Files.createDirectories(dir);
        String base = Instant.now().toString().replace(':', '-') + "-" + name;
        Files.writeString(dir.resolve(base + ".md"), markdown);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve(base + ".json").toFile(), results);
        System.out.println("Written to " + dir.resolve(base + ".md") + " and .json");
    }

    private static String markdown(Map<String, Object> results, List<String[]> rows) {
        StringBuilder md = new StringBuilder();
        md.append("### ")
                .append(results.get("store"))
                .append(" event store — ")
                .append(results.get("startedAt"))
                .append("\n\n")
                .append(results.get("cores"))
                .append(" cores, ")
                .append(results.get("memoryGiB"))
                .append(" GiB, Java ")
                .append(results.get("java"))
                .append("\n\n| measure | value |\n| --- | --- |\n");
        rows.forEach(
                r -> md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" |\n"));
        return md.toString();
    }

    private static String[] row(String name, double value) {
        return new String[] {name, String.format("%,.0f", value)};
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    static double round(double value) {
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
