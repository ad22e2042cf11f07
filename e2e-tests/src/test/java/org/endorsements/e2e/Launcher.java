package org.endorsements.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.endorsements.http.ApiClient;

/** The real {@code ./endorsements up}, run as a user would, on free ports and a data folder of its own. */
final class Launcher implements AutoCloseable {

    final int commandPort = Platform.freePort();
    final int queryPort = Platform.freePort();
    final int kafkaPort = Platform.freePort();
    final int controllerPort = Platform.freePort();
    final int mongoPort = Platform.freePort();
    final Path dataDir;
    private final ApiClient command = ApiClient.create(commandUrl());
    private final ApiClient query = command.withBaseUrl(queryUrl());
    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;

    Launcher(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Starts {@code ./endorsements up [args]} and waits until it reports the platform up. */
    void up(String... args) throws IOException, InterruptedException {
        // A build started in the background of a non-interactive shell passes SIGINT down as ignored, and bash
        // cannot trap a signal ignored at entry: restore its default so that Ctrl-C is tested the same everywhere.
        List<String> command = new ArrayList<>(List.of(
                "env",
                "--default-signal=INT",
                "bash",
                Platform.root().resolve("endorsements").toString(),
                "up"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("ENDORSEMENTS_DATA_DIR", dataDir.toString());
        env.put("COMMAND_PORT", Integer.toString(commandPort));
        env.put("QUERY_PORT", Integer.toString(queryPort));
        env.put("KAFKA_PORT", Integer.toString(kafkaPort));
        env.put("KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort));
        env.put("MONGO_PORT", Integer.toString(mongoPort));
        env.put("MONGO_HEAP", "512m");
        env.remove("ENDORSEMENTS_ADMIN_KEY");
        output.clear();
        process = builder.start();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            output.add(line);
                            System.out.println("[launcher] " + line);
                        }
                    } catch (IOException e) {
                        output.add("(output closed: " + e.getMessage() + ")");
                    }
                },
                "launcher-output");
        reader.setDaemon(true);
        reader.start();
        // The first up after a build also prepares the class-data-sharing archives.
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (output.stream().noneMatch(l -> l.startsWith("Endorsements is up"))) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the launcher exited with " + process.exitValue() + ":\n" + String.join("\n", output));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the launcher did not come up:\n" + String.join("\n", output) + serviceLogTails());
            }
            Thread.sleep(250);
        }
    }

    /** The last lines of each component's log, to say why a start took too long. */
    private String serviceLogTails() {
        StringBuilder tails = new StringBuilder();
        try (var logs = Files.list(dataDir.resolve("logs"))) {
            for (Path log : logs.sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                tails.append("\n--- ")
                        .append(log.getFileName())
                        .append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            tails.append("\n(logs unreadable: ").append(e.getMessage()).append(')');
        }
        return tails.toString();
    }

    String adminKey() throws IOException {
        return Files.readString(dataDir.resolve("admin.key")).strip();
    }

    List<String> output() {
        return List.copyOf(output);
    }

    /** Every process the launcher started (children and their children). */
    List<ProcessHandle> descendants() {
        return process.toHandle().descendants().toList();
    }

    /** Ctrl-C: SIGINT to the launcher, then wait for it to end. Returns its exit code. */
    int interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the launcher did not stop within 60 s of Ctrl-C");
        }
        return process.exitValue();
    }

    /** The command service, anonymous ({@code withKey} for a caller). */
    ApiClient command() {
        return command;
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

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> children = descendants();
            process.destroy();
            try {
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
