package org.endorsements.bench.drill;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.endorsements.events.EndorsementId;
import org.endorsements.http.ApiReply;

/**
 * {@code ./endorsements drill <name>|all}: each drill starts a platform of its own (or shares one with the others
 * under {@code all}), runs load through the public API, injects its fault, recovers, and then looks for every
 * acknowledged write in the event store, on the topic and in the views. The exit code is 0 only when nothing
 * acknowledged is lost, nothing is counted twice and every drill's own condition holds.
 */
public final class Drills {

    static final List<String> NAMES = List.of(
            "concurrent-identical",
            "poison",
            "query-kill",
            "command-kill",
            "mongo-restart",
            "broker-stop",
            "flood",
            "split-view");

    private static final String DEAD_LETTER_TOPIC = "endorsement-events.dlt";
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(10);
    /** How often the census is taken again while the views converge with the event store. */
    private static final Duration CONVERGENCE_POLL = Duration.ofMillis(250);

    /**
     * The sizes of the drills, as {@link DrillCommand} reads them. The defaults are the full drills an operator runs;
     * the end-to-end suite runs the same drills, with the same checks, at the smallest sizes that still prove them.
     */
    record Options(
            Path root,
            Path results,
            int loadSeconds,
            int downSeconds,
            int faultSeconds,
            double rate,
            int clients,
            int organizations,
            int convergeSeconds,
            int identicalRounds,
            int identicalRequests,
            int floodSeconds,
            int maxLagSeconds,
            int floodBodyMegabytes,
            int floodOversized,
            int floodOversizedAtOnce,
            int floodPathAttacks,
            int floodStreams) {}

    /** One drill's findings, as the table prints them. */
    record Report(
            String drill,
            long sent,
            long acknowledged,
            long acknowledgedPositions,
            long inStore,
            long onTopic,
            long inViews,
            long topicRepeats,
            long viewDuplicates,
            long lost,
            long notInStore,
            long outOfOrder,
            String countCheck,
            String ownCheck,
            boolean ownCheckPassed,
            Duration convergedAfter) {

        boolean passed() {
            return lost == 0
                    && viewDuplicates == 0
                    && notInStore == 0
                    && outOfOrder == 0
                    && ownCheckPassed
                    && countCheck.startsWith("equal");
        }
    }

    private final Options options;
    private final LocalPlatform platform;
    private final Census census;
    private int runs;

    private Drills(Options options, LocalPlatform platform) {
        this.options = options;
        this.platform = platform;
        this.census = new Census(platform);
    }

    /**
     * Runs the drills on a platform of their own, prints and writes the table; true when every drill passed.
     *
     * @param label what the results file is named after (a drill's name, or {@code all})
     */
    static boolean run(List<String> drills, String label, Options options) throws Exception {
        Path dir = Files.createTempDirectory("endorsements-drill-");
        List<Report> reports = new ArrayList<>();
        try (LocalPlatform platform = new LocalPlatform(options.root(), dir)) {
            // Ctrl-C or a kill of the drill must not leave the platform's processes behind.
            Thread cleanUp = new Thread(
                    () -> {
                        try {
                            platform.close();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "drill-clean-up");
            Runtime.getRuntime().addShutdownHook(cleanUp);
            System.out.printf("Starting a platform of its own for the drill (logs in %s)...%n", platform.logs());
            platform.start();
            Drills runner = new Drills(options, platform);
            for (String name : drills) {
                reports.add(runner.drill(name));
            }
        }
        String markdown = markdown(reports, options);
        System.out.println();
        System.out.println(markdown);
        Files.createDirectories(options.results());
        Path file = options.results().resolve(Instant.now().toString().replace(':', '-') + "-drill-" + label + ".md");
        Files.writeString(file, markdown);
        System.out.println("Written to " + file);
        boolean passed = reports.stream().allMatch(Report::passed);
        if (passed) {
            deleteRecursively(dir);
        } else {
            System.out.println("Logs kept in " + platform(dir));
        }
        return passed;
    }

    private Report drill(String name) throws Exception {
        String prefix = "drill-" + name + "-" + (++runs);
        System.out.printf("%n== %s ==%n", name);
        List<String> statements = List.of(prefix + "-a", prefix + "-b");
        DrillLoad load = new DrillLoad(platform.commandUrl(), platform.adminKey);
        for (String statement : statements) {
            load.publish(statement);
        }
        if (name.equals("split-view")) {
            return splitView(statements.get(0));
        }
        List<DrillLoad.Organization> organizations = load.register(prefix + "-org", options.organizations());
        String ownCheck;
        boolean ownPassed;
        Map<String, Long> identicalAggregates = new HashMap<>();
        Set<String> poisonMarkers = new HashSet<>();
        Flood flood = null;
        List<String> notUp = new ArrayList<>();
        String probeStatement = prefix + "-probe";
        DrillLoad.Organization prober = null;
        if ("flood".equals(name)) {
            // The lag probe writes on a statement of its own, outside the census of the load's statements.
            load.publish(probeStatement);
            prober = load.register(prefix + "-probe-org", 1).get(0);
        }
        long started = System.nanoTime();
        try (load) {
            load.start(statements, organizations, options.clients(), options.rate());
            pause(options.loadSeconds(), "load");
            switch (name) {
                case "broker-stop" -> {
                    say("killing the Kafka broker (SIGKILL) for " + options.downSeconds() + " s");
                    load.faultActive.set(true);
                    platform.kill(LocalPlatform.KAFKA);
                    pause(options.downSeconds(), "broker down, load continues");
                    platform.start(LocalPlatform.KAFKA);
                    load.faultActive.set(false);
                    say("broker started again");
                }
                case "query-kill", "command-kill", "mongo-restart" -> {
                    String process = switch (name) {
                        case "query-kill" -> LocalPlatform.QUERY;
                        case "command-kill" -> LocalPlatform.COMMAND;
                        default -> LocalPlatform.MONGO;
                    };
                    say("kill -9 " + process);
                    load.faultActive.set(true);
                    platform.kill(process);
                    pause(options.faultSeconds(), process + " down");
                    platform.start(process);
                    load.faultActive.set(false);
                    say(process + " started again");
                }
                case "concurrent-identical" -> identical(prefix, statements.get(0), load, identicalAggregates);
                case "poison" -> poisonMarkers.addAll(poison(statements.get(0)));
                case "flood" -> {
                    flood = new Flood(
                            new Flood.Settings(
                                    Duration.ofSeconds(options.floodSeconds()),
                                    options.floodBodyMegabytes() << 20,
                                    options.floodOversized(),
                                    options.floodOversizedAtOnce(),
                                    options.floodPathAttacks(),
                                    options.floodStreams(),
                                    Duration.ofSeconds(options.maxLagSeconds())),
                            platform.commandUrl(),
                            platform.queryUrl(),
                            statements.get(0),
                            organizations.get(0).id(),
                            organizations.get(0).key());
                    say(String.format(
                            "flood for %d s: %d never-read /live streams, up to %d anonymous %d MB bodies "
                                    + "(%d at a time), up to %d path-parameter requests; lag probed meanwhile",
                            options.floodSeconds(),
                            options.floodStreams(),
                            options.floodOversized(),
                            options.floodBodyMegabytes(),
                            options.floodOversizedAtOnce(),
                            options.floodPathAttacks()));
                    flood.startProbe(load, probeStatement, prober);
                    load.faultActive.set(true);
                    flood.startAttack();
                    flood.awaitAndStopAttack();
                    load.faultActive.set(false);
                    say("flood over; streams closed");
                    for (String service : List.of(LocalPlatform.COMMAND, LocalPlatform.QUERY)) {
                        var down = platform.notUp(service, UP_TIMEOUT);
                        if (down.isPresent()) {
                            notUp.add(down.get());
                            say(down.get() + "; restarting it so that the census can run");
                            platform.kill(service);
                            platform.start(service);
                        }
                    }
                }
                default -> throw new IllegalArgumentException(name);
            }
            pause(options.loadSeconds(), "load after recovery");
        }
        Flood.Result flooded = flood == null ? null : flood.stopProbe();
        say("load stopped; waiting for the views to converge with the event store");

        long deadline = System.nanoTime()
                + Duration.ofSeconds(options.convergeSeconds()).toNanos();
        long convergeStart = System.nanoTime();
        Census.Store store;
        Census.Topic topic;
        Census.Views views;
        while (true) {
            store = census.store(statements);
            topic = census.topic(statements);
            views = census.views(statements);
            Set<String> storeIds = new HashSet<>(store.events().values());
            boolean converged = topic.records().keySet().containsAll(storeIds)
                    && views.entries().keySet().containsAll(storeIds)
                    && views.endorsedCount().equals(store.endorsedCount());
            if (converged || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(CONVERGENCE_POLL.toMillis());
        }
        Duration convergedAfter = Duration.ofNanos(System.nanoTime() - convergeStart);

        Set<String> acked = load.acknowledgedPositions;
        Set<String> storeIds = new HashSet<>(store.events().values());
        // Events the topic or the views hold that the event store does not: a commit the store lost after it was
        // relayed (its position may since have been taken by another event: the history forked).
        Set<String> notInStore = Census.missing(topic.records().keySet(), storeIds);
        notInStore.addAll(Census.missing(views.entries().keySet(), storeIds));
        Map<String, String> storedEvents = store.events();
        Set<String> forked = new HashSet<>();
        for (Map<String, Set<String>> seen : List.of(topic.events(), views.events())) {
            seen.forEach((position, ids) -> {
                if (ids.stream().anyMatch(id -> !id.equals(storedEvents.get(position)))) {
                    forked.add(position);
                }
            });
        }
        Census.Topic onTopic = topic;
        Census.Views inViews = views;
        Set<String> lostPositions = new HashSet<>();
        for (String position : acked) {
            String id = store.events().get(position);
            if (id == null
                    || !onTopic.records().containsKey(id)
                    || !inViews.entries().containsKey(id)
                    || forked.contains(position)) {
                lostPositions.add(position);
            }
        }
        long lost = lostPositions.size();
        String countCheck = views.endorsedCount().equals(store.endorsedCount())
                ? "equal " + store.endorsedCount()
                : "DIFFERENT: views " + views.endorsedCount() + ", event store " + store.endorsedCount();

        switch (name) {
            case "broker-stop", "command-kill" -> {
                ownCheck = load.acknowledgedDuringFault.get() + " writes acknowledged while "
                        + ("broker-stop".equals(name) ? "the broker was down" : "the command service restarted");
                ownPassed = !"broker-stop".equals(name) || load.acknowledgedDuringFault.get() > 0;
            }
            case "concurrent-identical" -> {
                Map<String, Long> added = new LinkedHashMap<>();
                Map<String, Long> addedInStore = store.addedEvents();
                identicalAggregates.keySet().forEach(a -> added.put(a, addedInStore.getOrDefault(a, 0L)));
                long exactlyOne = added.values().stream().filter(n -> n == 1).count();
                long accepted = identicalAggregates.values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                ownCheck = String.format(
                        "%d rounds of %d identical PUTs: %d of %d requests answered 2xx; "
                                + "%d of %d endorsements have exactly one EndorsementAdded",
                        options.identicalRounds(),
                        options.identicalRequests(),
                        accepted,
                        options.identicalRounds() * options.identicalRequests(),
                        exactlyOne,
                        added.size());
                ownPassed = exactlyOne == options.identicalRounds()
                        && accepted == (long) options.identicalRounds() * options.identicalRequests();
            }
            case "flood" -> {
                List<String> failures = new ArrayList<>(notUp);
                Duration bound = Duration.ofSeconds(options.maxLagSeconds());
                if (flooded.probesLate() > 0 || flooded.maxLag().compareTo(bound) >= 0) {
                    failures.add(String.format(
                            "projection LAG over %d s: %d of %d probes not in the views within the bound",
                            options.maxLagSeconds(),
                            flooded.probesLate(),
                            flooded.probesLate() + flooded.lags().size()));
                }
                if (flooded.lags().isEmpty()) {
                    failures.add("NO LAG MEASURED: none of the probe's writes was seen in the views ("
                            + flooded.probeWritesFailed() + " probe writes failed)");
                }
                if (flooded.accepted() > 0) {
                    failures.add(flooded.accepted() + " hostile requests ACCEPTED (2xx)");
                }
                if (flooded.serverErrors() > 0) {
                    failures.add(flooded.serverErrors() + " hostile requests answered 500 (bad input must get a 4xx "
                            + "problem, never a server error)");
                }
                ownCheck = (failures.isEmpty() ? "" : "FAILED: " + String.join("; ", failures) + ". ")
                        + String.format(
                                "Projection lag max %.1f s over %d probes in time (%d late, %d probe writes "
                                        + "failed; bound %d s); %d of %d never-read /live streams opened (%d refused); %s",
                                flooded.maxLag().toMillis() / 1000.0,
                                flooded.lags().size(),
                                flooded.probesLate(),
                                flooded.probeWritesFailed(),
                                options.maxLagSeconds(),
                                flooded.streamsOpened(),
                                options.floodStreams(),
                                flooded.streamsRefused(),
                                flooded.describe());
                ownPassed = failures.isEmpty();
            }
            case "poison" -> {
                Set<String> parked = parkedMarkers(poisonMarkers);
                ownCheck = parked.size() + " of " + poisonMarkers.size() + " poison records parked in "
                        + DEAD_LETTER_TOPIC + "; projection continued past them";
                ownPassed = parked.size() == poisonMarkers.size();
            }
            default -> {
                ownCheck = "mongo-restart".equals(name) ? "views rebuilt from the topic" : "views caught up";
                ownPassed = true;
            }
        }
        Report report = new Report(
                name,
                load.sent.get(),
                load.acknowledged.get(),
                acked.size(),
                acked.stream().filter(store.events()::containsKey).count(),
                acked.stream()
                        .map(store.events()::get)
                        .filter(id -> id != null && onTopic.records().containsKey(id))
                        .count(),
                acked.stream()
                        .map(store.events()::get)
                        .filter(id -> id != null && inViews.entries().containsKey(id))
                        .count(),
                topic.repeats(),
                views.duplicates(),
                lost,
                notInStore.size(),
                topic.outOfOrder(),
                countCheck,
                ownCheck,
                ownPassed,
                convergedAfter);
        if (lost > 0) {
            say("LOST (first 20): " + Census.sorted(lostPositions, 20));
        }
        if (!notInStore.isEmpty()) {
            say(notInStore.size() + " events on the topic or in the views are not in the event store; positions "
                    + "whose history forked (first 20): " + Census.sorted(forked, 20));
        }
        say(String.format(
                "%s: %s in %.0f s", name, report.passed() ? "PASSED" : "FAILED", (System.nanoTime() - started) / 1e9));
        if (!report.passed()) {
            say("why: " + whyFailed(report));
        }
        return report;
    }

    private static String whyFailed(Report r) {
        List<String> reasons = new ArrayList<>();
        if (r.lost() > 0) {
            reasons.add(r.lost() + " acknowledged writes lost");
        }
        if (r.viewDuplicates() > 0) {
            reasons.add(r.viewDuplicates() + " duplicates in the views");
        }
        if (r.notInStore() > 0) {
            reasons.add(r.notInStore() + " events not in the event store");
        }
        if (r.outOfOrder() > 0) {
            reasons.add(r.outOfOrder() + " out of order on the topic");
        }
        if (!r.countCheck().startsWith("equal")) {
            reasons.add("endorsement counts " + r.countCheck());
        }
        if (!r.ownCheckPassed()) {
            reasons.add("own check: " + r.ownCheck());
        }
        return String.join("; ", reasons);
    }

    /** Rounds of simultaneous, identical endorsements (50 by default) by one organization with its own key. */
    private void identical(String prefix, String statement, DrillLoad load, Map<String, Long> aggregates)
            throws Exception {
        int rounds = options.identicalRounds();
        int requests = options.identicalRequests();
        List<DrillLoad.Organization> organizations = load.register(prefix + "-same", rounds);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            for (DrillLoad.Organization organization : organizations) {
                CyclicBarrier barrier = new CyclicBarrier(requests);
                List<Future<ApiReply>> replies = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    replies.add(pool.submit(() -> {
                        barrier.await();
                        load.sent.incrementAndGet();
                        return load.send(
                                "PUT",
                                "/api/statements/" + statement + "/endorsements/" + organization.id(),
                                organization.key());
                    }));
                }
                long accepted = 0;
                for (Future<ApiReply> reply : replies) {
                    ApiReply response = reply.get();
                    if (response.isSuccess()) {
                        accepted++;
                        load.acknowledge(response.position().orElseThrow());
                    }
                }
                aggregates.put(EndorsementId.of(statement, organization.id()).value(), accepted);
            }
        } finally {
            pool.shutdownNow();
        }
        say(rounds + " rounds of " + requests + " identical endorsements sent");
    }

    /** Writes two records the projection cannot read straight to the topic: no CloudEvents headers, and a broken body. */
    private List<String> poison(String statement) throws Exception {
        String bare = "poison-" + UUID.randomUUID();
        String broken = "poison-" + UUID.randomUUID();
        List<Header> realHeaders = headersOfAnEndorsementEvent(statement);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Census.TOPIC, statement, ("{not json " + bare).getBytes(StandardCharsets.UTF_8)))
                    .get();
            ProducerRecord<String, byte[]> withHeaders = new ProducerRecord<>(
                    Census.TOPIC,
                    statement,
                    ("{\"statementId\": 42, \"marker\": \"" + broken + "\"").getBytes(StandardCharsets.UTF_8));
            realHeaders.forEach(h -> withHeaders.headers().add(h));
            producer.send(withHeaders).get();
        }
        say("two poison records written to " + Census.TOPIC + " (no headers; real headers with a broken body)");
        return List.of(bare, broken);
    }

    private List<Header> headersOfAnEndorsementEvent(String statement) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Census.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (statement.equals(record.key()) && record.headers().lastHeader("ce_type") != null) {
                        return List.of(record.headers().toArray());
                    }
                }
            }
        }
        throw new IllegalStateException("no event of " + statement + " on the topic within 30 s");
    }

    private Set<String> parkedMarkers(Set<String> markers) {
        Set<String> found = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTER_TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(DEAD_LETTER_TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                    markers.stream().filter(value::contains).forEach(found::add);
                }
            }
        }
        return found;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "drill-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** No load: the drill forges a checkpoint and checks that the witness and the verifier refuse it. */
    private Report splitView(String statementId) throws Exception {
        long started = System.nanoTime();
        SplitViewDrill.Outcome outcome = new SplitViewDrill(platform).run(statementId);
        return new Report(
                "split-view",
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                "equal (no load in this drill)",
                String.join("; ", outcome.findings()),
                outcome.passed(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    static String markdown(List<Report> reports, Options options) {
        StringBuilder md = new StringBuilder();
        md.append("### Fault drills — ")
                .append(Instant.now())
                .append("\n\n")
                .append(String.format(
                        "%d cores, Java %s; load %.0f requests/s from %d clients over %d organizations "
                                + "× 2 statements, %d s before and after each fault%s.%n%n",
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        options.rate(),
                        options.clients(),
                        options.organizations(),
                        options.loadSeconds(),
                        (reports.stream().anyMatch(r -> r.drill().equals("broker-stop"))
                                        ? ", broker down " + options.downSeconds() + " s"
                                        : "")
                                + (reports.stream().anyMatch(r -> r.drill().equals("flood"))
                                        ? ", flood " + options.floodSeconds() + " s (projection lag bound "
                                                + options.maxLagSeconds() + " s)"
                                        : "")))
                .append("| drill | sent | acknowledged (2xx) | in event store | on topic | in views | duplicates "
                        + "| lost | result |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Report r : reports) {
            md.append(String.format(
                    "| %s | %d | %d (%d positions) | %d | %d | %d | %d in views (%d repeats on topic) "
                            + "| %d | %s |%n",
                    r.drill(),
                    r.sent(),
                    r.acknowledged(),
                    r.acknowledgedPositions(),
                    r.inStore(),
                    r.onTopic(),
                    r.inViews(),
                    r.viewDuplicates(),
                    r.topicRepeats(),
                    r.lost(),
                    r.passed() ? "passed" : "FAILED"));
        }
        md.append("\n");
        for (Report r : reports) {
            md.append(String.format(
                    "- %s: %s; endorsement counts views vs event store: %s; converged %.1f s after "
                            + "the load stopped; %d in views or on topic but not in the event store; %d out of order "
                            + "on the topic.%n",
                    r.drill(),
                    r.ownCheck(),
                    r.countCheck(),
                    r.convergedAfter().toMillis() / 1000.0,
                    r.notInStore(),
                    r.outOfOrder()));
        }
        return md.toString();
    }

    private static void pause(int seconds, String what) throws InterruptedException {
        say(what + " (" + seconds + " s)");
        Thread.sleep(seconds * 1000L);
    }

    private static void say(String line) {
        System.out.println("  " + line);
    }

    private static Path platform(Path dir) {
        return dir.resolve("logs");
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
