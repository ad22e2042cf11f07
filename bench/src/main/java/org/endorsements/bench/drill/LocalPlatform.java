package org.endorsements.bench.drill;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.endorsements.http.ApiClient;
import org.endorsements.http.ApiReply;
import org.endorsements.transparency.Ed25519Keys;
import org.endorsements.transparency.SignedNote;
import org.endorsements.transparency.witness.Witness;
import org.endorsements.transparency.witness.WitnessServer;
import org.endorsements.transparency.witness.WitnessState;

/**
 * The platform as {@code ./endorsements up} runs it (Kafka KRaft broker, the in-memory MongoDB-compatible server,
 * the command service on its H2 file event store, the query service), each a process of its own on free ports,
 * so that a drill can kill and restart any one of them.
 */
final class LocalPlatform implements AutoCloseable {

    static final String KAFKA = "kafka";
    static final String MONGO = "mongo";
    static final String COMMAND = "command-service";
    static final String QUERY = "query-service";

    /** Extra JVM options, as {@code ./endorsements} reads them. */
    static final String JAVA_OPTIONS = "ENDORSEMENTS_JAVA_OPTIONS";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** A health check of a loopback service that takes longer than this counts as "not now". */
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private static final Duration HEALTH_POLL = Duration.ofMillis(200);

    final String adminKey = randomKey();
    final String auditorKey = randomKey();
    final int commandPort = freePort();
    final int queryPort = freePort();
    final int kafkaPort = freePort();
    final int mongoPort = freePort();
    private final int controllerPort = freePort();
    private final Path root;
    private final Path dir;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private Witness witness;
    private WitnessServer witnessServer;
    private final ApiClient query;
    private final ApiClient command;

    LocalPlatform(Path root, Path dir) {
        this.root = root;
        this.dir = dir;
        this.query = ApiClient.create(queryUrl());
        this.command = query.withBaseUrl(commandUrl());
    }

    /** The query service, anonymous. */
    ApiClient query() {
        return query;
    }

    String commandUrl() {
        return "http://127.0.0.1:" + commandPort;
    }

    String queryUrl() {
        return "http://127.0.0.1:" + queryPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /**
     * The command service's H2 file with the settings of its application.yml, except that it is opened in H2's
     * auto-server mode so that the drill can count the stored events while the service runs (auto-server mode
     * needs H2's default DB_CLOSE_ON_EXIT).
     */
    String eventStoreUrl() {
        return "jdbc:h2:file:" + dir.resolve("data/command/eventstore")
                + ";WRITE_DELAY=0;RETENTION_TIME=2000;AUTO_SERVER=TRUE";
    }

    Path logs() {
        return dir.resolve("logs");
    }

    /** The platform's log signing key, created here so that the drill's witness can trust it before it starts. */
    KeyPair logKeys() throws IOException {
        return Ed25519Keys.loadOrCreate(dir.resolve("data/log-signing.key"));
    }

    String logVerifierKey() throws IOException {
        return SignedNote.verifierKey("endorsements.local", logKeys().getPublic());
    }

    Witness witness() {
        return witness;
    }

    String witnessUrl() {
        return "http://127.0.0.1:" + witnessServer.port();
    }

    /** A witness of the drill's own, which the query service submits every checkpoint to. */
    private void startWitness() throws IOException {
        witness = new Witness(
                "witness.drill.local/w1",
                Ed25519Keys.generate(),
                Witness.WitnessedLogs.parse(List.of("endorsements.local/statements/*=" + logVerifierKey())),
                new WitnessState(dir.resolve("witness")),
                Clock.systemUTC());
        witnessServer = new WitnessServer(witness, new InetSocketAddress("127.0.0.1", 0));
    }

    void start() throws IOException, InterruptedException {
        Files.createDirectories(logs());
        Files.createDirectories(dir.resolve("data/command"));
        startWitness();
        formatKafka();
        startKafka();
        startMongo();
        // Both services at once, as ./endorsements up starts them: neither needs the other to start.
        launchCommand();
        launchQuery();
        awaitHealthy(COMMAND, command);
        awaitHealthy(QUERY, query);
    }

    void startKafka() throws IOException, InterruptedException {
        launch(
                KAFKA,
                List.of(
                        "java",
                        "-Xmx512m",
                        "-cp",
                        stackClassPath(),
                        "kafka.Kafka",
                        dir.resolve("kafka/server.properties").toString()),
                Map.of());
        awaitListening(KAFKA, kafkaPort);
    }

    void startMongo() throws IOException, InterruptedException {
        launch(
                MONGO,
                List.of(
                        "java",
                        "-Xmx2g",
                        "-XX:+UseG1GC",
                        "-XX:+UseStringDeduplication",
                        "-cp",
                        stackClassPath(),
                        "org.endorsements.localstack.MongoServerMain",
                        "127.0.0.1",
                        String.valueOf(mongoPort)),
                Map.of());
        awaitListening(MONGO, mongoPort);
    }

    void startCommand() throws IOException, InterruptedException {
        launchCommand();
        awaitHealthy(COMMAND, command);
    }

    void startQuery() throws IOException, InterruptedException {
        launchQuery();
        awaitHealthy(QUERY, query);
    }

    private void launchCommand() throws IOException {
        // -XX:+ExitOnOutOfMemoryError as ./endorsements up runs the services: a heap exhausted by a request stops
        // the service, which the flood drill must see.
        launch(
                COMMAND,
                concat(List.of("java", "-Xmx768m", "-XX:+ExitOnOutOfMemoryError"), serviceJar(COMMAND)),
                Map.of(
                        "ENDORSEMENTS_ADMIN_KEY", adminKey,
                        "ENDORSEMENTS_DATA_DIR", dir.resolve("data").toString(),
                        "COMMAND_PORT", String.valueOf(commandPort),
                        "KAFKA_PORT", String.valueOf(kafkaPort),
                        "SPRING_DATASOURCE_URL", eventStoreUrl()));
    }

    private void launchQuery() throws IOException {
        launch(
                QUERY,
                concat(List.of("java", "-Xmx768m", "-XX:+ExitOnOutOfMemoryError"), serviceJar(QUERY)),
                Map.of(
                        "ENDORSEMENTS_ADMIN_KEY", adminKey,
                        "ENDORSEMENTS_AUDITOR_KEY", auditorKey,
                        "ENDORSEMENTS_DATA_DIR", dir.resolve("data").toString(),
                        "QUERY_PORT", String.valueOf(queryPort),
                        "COMMAND_PORT", String.valueOf(commandPort),
                        "KAFKA_PORT", String.valueOf(kafkaPort),
                        "MONGO_PORT", String.valueOf(mongoPort),
                        // A query service restarted after a kill resumes at once instead of after the session
                        "ENDORSEMENTS_PROJECTION_INSTANCE_ID", "drill-query-1",
                        "ENDORSEMENTS_LOG_WITNESSES_0_URL", witnessUrl(),
                        "ENDORSEMENTS_LOG_WITNESSES_0_VERIFIERKEY",
                                witness.verifier().encode()));
    }

    /**
     * Why a service is not up: its process ended (with its exit code and the log line that says why, if any), or
     * it did not answer healthy within the timeout. Empty when it is up.
     */
    java.util.Optional<String> notUp(String name, Duration timeout) throws IOException, InterruptedException {
        Process process = processes.get(name);
        if (process == null || !process.isAlive()) {
            String exit = process == null ? "" : " with exit code " + process.exitValue();
            List<String> lines = Files.readAllLines(logs().resolve(name + ".log"));
            String cause = lines.stream()
                    .filter(l -> l.contains("OutOfMemoryError"))
                    .findFirst()
                    .or(() -> lines.isEmpty()
                            ? java.util.Optional.empty()
                            : java.util.Optional.of(lines.get(lines.size() - 1)))
                    .map(l -> "; its log: " + l.strip())
                    .orElse("");
            return java.util.Optional.of(name + " DIED" + exit + cause);
        }
        ApiClient service = COMMAND.equals(name) ? command : query;
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (healthy(service)) {
                return java.util.Optional.empty();
            }
            Thread.sleep(HEALTH_POLL.toMillis());
        } while (System.nanoTime() < deadline);
        return java.util.Optional.of(
                name + " is running but did not answer healthy within " + timeout.toSeconds() + " s");
    }

    /** {@code kill -9}: the process gets no chance to flush, commit or say goodbye. */
    void kill(String name) throws InterruptedException {
        Process process = processes.remove(name);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    void start(String name) throws IOException, InterruptedException {
        switch (name) {
            case KAFKA -> startKafka();
            case MONGO -> startMongo();
            case COMMAND -> startCommand();
            case QUERY -> startQuery();
            default -> throw new IllegalArgumentException(name);
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<String> order = new ArrayList<>(List.of(QUERY, COMMAND, MONGO, KAFKA));
        for (String name : order) {
            Process process = processes.remove(name);
            if (process != null) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
        if (witnessServer != null) {
            witnessServer.close();
        }
    }

    private void formatKafka() throws IOException, InterruptedException {
        Path kafka = dir.resolve("kafka");
        Files.createDirectories(kafka);
        Files.writeString(
                kafka.resolve("server.properties"),
                String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                        "listeners=PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                        "advertised.listeners=PLAINTEXT://127.0.0.1:" + kafkaPort,
                        "controller.listener.names=CONTROLLER",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "inter.broker.listener.name=PLAINTEXT",
                        "log.dirs=" + kafka.resolve("logs"),
                        "num.partitions=6",
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "auto.create.topics.enable=false",
                        "log.retention.hours=-1",
                        // as ./endorsements up writes it: a broker restarted after a kill registers in ~5 s, not 15
                        "broker.heartbeat.interval.ms=500",
                        "broker.session.timeout.ms=2000",
                        ""));
        Path log = logs().resolve("kafka-format.log");
        Process format = new ProcessBuilder(withJavaOptions(List.of(
                        "java",
                        "-cp",
                        stackClassPath(),
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        "drillClusterAAAAAAAAAAA",
                        "-c",
                        kafka.resolve("server.properties").toString())))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (format.waitFor() != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed: " + Files.readString(log));
        }
    }

    /**
     * How a service's jar is run: from the class-data-sharing archive that {@code ./endorsements up} prepared for it
     * (the script's {@code prepare_cds}: an extracted jar and an archive of the classes a start loads, in
     * {@code target/cds}), when there is one not older than the jar, else from the jar. The archive roughly halves a
     * start, and the drills restart the services. The drill does not prepare one itself: the training start needs a
     * running broker and view store, which only {@code up} has at that point.
     */
    private List<String> serviceJar(String service) throws IOException {
        Path jar = root.resolve(service + "/target/" + service + ".jar");
        Path cds = root.resolve(service + "/target/cds");
        Path archive = cds.resolve(service + ".jsa");
        Path extracted = cds.resolve("app/" + service + ".jar");
        Path trained = cds.resolve("trained");
        boolean current = Files.isRegularFile(archive)
                && Files.size(archive) > 0
                && Files.isRegularFile(extracted)
                && Files.isRegularFile(trained)
                && Files.isRegularFile(jar)
                && Files.getLastModifiedTime(trained).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        return current
                ? List.of(
                        "-XX:SharedArchiveFile=" + archive,
                        "-Xlog:cds=off",
                        "-Xlog:class+path=off",
                        "-jar",
                        extracted.toString())
                : List.of("-jar", jar.toString());
    }

    /**
     * The command with the extra JVM options that {@code ./endorsements} gives every JVM it starts
     * ({@code ENDORSEMENTS_JAVA_OPTIONS}, split on spaces), so that the drill's platform runs as the script's does.
     */
    private static List<String> withJavaOptions(List<String> command) {
        return withJavaOptions(command, System.getenv(JAVA_OPTIONS));
    }

    static List<String> withJavaOptions(List<String> command, String options) {
        if (options == null || options.isBlank()) {
            return command;
        }
        List<String> all = new ArrayList<>(command.subList(0, 1));
        all.addAll(List.of(options.strip().split("\\s+")));
        all.addAll(command.subList(1, command.size()));
        return all;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private void launch(String name, List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(withJavaOptions(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logs().resolve(name + ".log").toFile()));
        builder.environment().putAll(environment);
        processes.put(name, builder.start());
    }

    private void awaitListening(String name, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!listening(port)) {
            failIfGone(name, deadline);
            Thread.sleep(200);
        }
    }

    private void awaitHealthy(String name, ApiClient service) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            failIfGone(name, deadline);
            if (healthy(service)) {
                return;
            }
            Thread.sleep(HEALTH_POLL.toMillis());
        }
    }

    private static boolean healthy(ApiClient service) {
        try {
            ApiReply health = service.withRequestTimeout(HEALTH_TIMEOUT).get("/actuator/health");
            return health.status() == 200
                    && "UP".equals(health.json().path("status").asText());
        } catch (IOException notNow) {
            // not listening yet, busy or gone: asked again until the deadline
            return false;
        }
    }

    private void failIfGone(String name, long deadline) throws IOException {
        Process process = processes.get(name);
        if (process == null || !process.isAlive() || System.nanoTime() > deadline) {
            List<String> lines = Files.readAllLines(logs().resolve(name + ".log"));
            throw new IllegalStateException(name + " did not start; last lines of its log:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
        }
    }

    private String stackClassPath() {
        Path stack = root.resolve("local-stack/target");
        return stack.resolve("local-stack.jar") + ":" + stack.resolve("lib") + "/*";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "drill-" + HexFormat.of().formatHex(bytes);
    }
}
