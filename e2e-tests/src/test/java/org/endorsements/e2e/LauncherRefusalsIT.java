package org.endorsements.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts that cannot succeed: the launcher names the cause and leaves nothing running. */
class LauncherRefusalsIT {

    @TempDir
    Path data;

    @Test
    void aPortInUseIsNamedAndNothingIsLeftRunning() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0);
                Launcher launcher = new Launcher(data.resolve("taken"))) {
            ProcessBuilder builder = new ProcessBuilder(
                            "bash", Platform.root().resolve("endorsements").toString(), "up")
                    .redirectErrorStream(true);
            builder.environment().put("ENDORSEMENTS_DATA_DIR", launcher.dataDir.toString());
            builder.environment().put("KAFKA_PORT", Integer.toString(taken.getLocalPort()));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).isEqualTo(1);
            assertThat(output).contains("port " + taken.getLocalPort() + " is already in use", "KAFKA_PORT");
            assertThat(process.toHandle().descendants()).isEmpty();
        }
    }

    @Test
    void aCorruptEventStoreStopsTheStartWithTheCauseAndNothingLeftRunning() throws Exception {
        try (Launcher launcher = new Launcher(data.resolve("corrupt"))) {
            java.nio.file.Path store = launcher.dataDir.resolve("command/eventstore.mv.db");
            java.nio.file.Files.createDirectories(store.getParent());
            java.nio.file.Files.writeString(store, "this is not an H2 database file ".repeat(200));

            IllegalStateException failure =
                    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, launcher::up);

            assertThat(failure.getMessage()).contains("the command service exited during start");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> launcher.descendants().isEmpty()
                            && !Platform.listening(launcher.kafkaPort)
                            && !Platform.listening(launcher.mongoPort));
        }
    }
}
