package org.endorsements.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.endorsements.http.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when", through the launcher: a fresh {@code up} with one witness started beside it, and
 * {@code audit verify-log <seed> --witness KEY --min-witnesses 1} passes; before the witness runs it fails, and a
 * restarted witness still knows what it cosigned.
 */
class WitnessIT {

    private static final String SEED = "ve-icc-cooperation-2021";

    @TempDir
    Path dir;

    private record Run(int exit, String output) {
    }

    private static ProcessBuilder launcher(Launcher launcher, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", Platform.root().resolve("endorsements").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ENDORSEMENTS_QUERY_URL", launcher.queryUrl());
        builder.environment().put("QUERY_PORT", Integer.toString(launcher.queryPort));
        builder.environment().put("ENDORSEMENTS_DATA_DIR", launcher.dataDir.toString());
        return builder;
    }

    private static Run run(Launcher launcher, String... args) throws Exception {
        Process process = launcher(launcher, args).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private Process serveWitness(Launcher launcher, int port, String name) throws Exception {
        File log = dir.resolve(name + ".log").toFile();
        Process witness = launcher(launcher, "witness", "serve", "--key", dir.resolve("witness.key").toString(),
                "--state", dir.resolve("witness-state").toString(), "--port", Integer.toString(port))
                .redirectOutput(log).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log.toPath()).contains("listening on"));
        return witness;
    }

    private static void stop(Process process) throws InterruptedException {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void aFreshPlatformWithOneWitnessPassesVerifyLogRequiringThatWitness() throws Exception {
        int witnessPort = Platform.freePort();
        try (Launcher launcher = new Launcher(dir.resolve("platform"))) {
            Run key = run(launcher, "witness", "key", "--key", dir.resolve("witness.key").toString());
            assertThat(key.exit()).as(key.output()).isZero();
            String witnessKey = key.output().strip().lines().reduce((a, b) -> b).orElseThrow();
            launcher.up("--fresh", "--witness", "http://127.0.0.1:" + witnessPort + "=" + witnessKey);
            await().atMost(Duration.ofSeconds(30)).until(() -> launcher.query().get("/api/statements/"
                    + SEED + "/log/checkpoint").body().contains("\n111\n"));

            Run unwitnessed = run(launcher, "audit", "verify-log", SEED, "--witness", witnessKey,
                    "--min-witnesses", "1");
            assertThat(unwitnessed.exit()).as(unwitnessed.output()).isEqualTo(1);
            assertThat(unwitnessed.output()).contains("cosigned by 0 of the trusted witnesses, 1 required");
            assertThat(launcher.query().get("/api/log/witnesses").body()).contains("\"up\":false");

            Process witness = serveWitness(launcher, witnessPort, "witness");
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> run(launcher, "audit", "verify-log", SEED,
                        "--witness", witnessKey, "--min-witnesses", "1").exit() == 0);
                Run witnessed = run(launcher, "audit", "verify-log", SEED, "--witness", witnessKey,
                        "--min-witnesses", "1");
                assertThat(witnessed.output()).contains("cosigned by 1 of 1 trusted witnesses",
                        "OK: the log, its checkpoint and the public signatory list agree.");
            } finally {
                stop(witness);
            }

            Process restarted = serveWitness(launcher, witnessPort, "witness-restarted");
            try {
                String origin = "endorsements.local/statements/" + SEED;
                String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(origin.getBytes(StandardCharsets.UTF_8)));
                assertThat(ApiClient.create("http://127.0.0.1:" + witnessPort).get("/" + hash + "/checkpoint").body())
                        .as("the restarted witness's record").startsWith(origin + "\n111\n");
            } finally {
                stop(restarted);
            }
        }
    }
}
