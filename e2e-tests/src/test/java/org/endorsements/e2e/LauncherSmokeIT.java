package org.endorsements.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.http.ApiClient;
import org.endorsements.http.ApiReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's path: {@code ./endorsements up} on a fresh data folder, the README's writes, a read-back from the
 * query service, Ctrl-C, and a second {@code up} that still has the data.
 */
class LauncherSmokeIT {

    @TempDir
    Path data;

    @Test
    void theLauncherRunsThePlatformKeepsItsDataAndLeavesNoProcessBehind() throws Exception {
        try (Launcher launcher = new Launcher(data.resolve("platform"))) {
            launcher.up("--fresh");
            assertThat(launcher.output()).anyMatch(l -> l.contains("Admin API key generated"));
            ApiClient admin = launcher.command().withKey(launcher.adminKey());

            ApiReply statement = admin.post(
                    "/api/statements",
                    Map.of(
                            "statementId",
                            "smoke-statement",
                            "title",
                            "Smoke test",
                            "body",
                            "We agree.",
                            "language",
                            "en"));
            assertThat(statement.status()).isEqualTo(201);
            ApiReply organization = admin.post(
                    "/api/organizations", Map.of("name", "Observatorio Venezolano de Prisiones", "country", "VE"));
            assertThat(organization.status()).isEqualTo(201);
            String organizationId = organization.json().path("organizationId").asText();
            ApiClient organizationClient = launcher.command()
                    .withKey(organization.json().path("apiKey").asText());
            ApiReply endorsed =
                    organizationClient.put("/api/statements/smoke-statement/endorsements/" + organizationId, null);
            assertThat(endorsed.status()).isEqualTo(201);

            long start = System.nanoTime();
            ApiReply read = launcher.query()
                    .get(
                            "/api/statements/smoke-statement/endorsements",
                            endorsed.position().orElseThrow());
            Duration readYourWrite = Duration.ofNanos(System.nanoTime() - start);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().path("items").get(0).path("organizationId").asText())
                    .isEqualTo(organizationId);
            System.out.println(
                    "[smoke] endorsement visible in the query service after " + readYourWrite.toMillis() + " ms");

            assertThat(launcher.command().get("/v3/api-docs").status()).isEqualTo(200);
            assertThat(launcher.query().get("/v3/api-docs").status()).isEqualTo(200);
            assertThat(launcher.command().get("/actuator/prometheus").body()).contains("endorsements_relay_lag");
            assertThat(launcher.query().get("/actuator/prometheus").body()).contains("endorsements_projection_lag");

            seedCampaignIsImportedOnceAndReImportChangesNothing(launcher);

            List<ProcessHandle> started = launcher.descendants();
            assertThat(started).hasSizeGreaterThanOrEqualTo(4);
            launcher.interrupt();
            await().atMost(Duration.ofSeconds(30)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
            for (int port :
                    new int[] {launcher.commandPort, launcher.queryPort, launcher.kafkaPort, launcher.mongoPort}) {
                assertThat(Platform.listening(port))
                        .as("port %d after Ctrl-C", port)
                        .isFalse();
            }

            launcher.up();
            assertThat(launcher.output()).noneMatch(l -> l.contains("Admin API key generated"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ApiReply again = launcher.query().get("/api/statements/smoke-statement");
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.json().path("endorsementCount").asLong()).isEqualTo(1);
            });
            ApiReply sameKey =
                    organizationClient.put("/api/statements/smoke-statement/endorsements/" + organizationId, null);
            assertThat(sameKey.status())
                    .as("the organization's key survives a restart")
                    .isEqualTo(200);
            launcher.interrupt();
        }
    }

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

    private static final String SEED = "ve-icc-cooperation-2021";

    private void seedCampaignIsImportedOnceAndReImportChangesNothing(Launcher launcher) throws Exception {
        assertThat(launcher.output())
                .anyMatch(l -> l.contains("organizations endorsed:     110"))
                .anyMatch(l -> l.contains("entry 13 (line 14) \"Aquí Cabemos Todos\" repeats entry 10"))
                .anyMatch(l -> l.contains("gaps in the numbering:      [108]"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(launcher.query()
                                .get("/api/statements/" + SEED)
                                .json()
                                .path("endorsementCount")
                                .asLong())
                        .isEqualTo(110));
        String document =
                launcher.query().get("/api/statements/" + SEED + "/document").body();
        assertThat(document)
                .contains(
                        "\n1) A.C. Justicia y Paz OP Venezuela\n",
                        "\n110) Wainjirawa-UAIN\n",
                        "Translated by José Rafael Medina")
                .doesNotContain("111) ");
        ApiClient auditor = launcher.query()
                .withKey(java.nio.file.Files.readString(launcher.dataDir.resolve("auditor.key"))
                        .strip());
        long eventsBefore = history(auditor, null);

        ProcessBuilder reimport = new ProcessBuilder(
                        "bash",
                        Platform.root().resolve("endorsements").toString(),
                        "import",
                        Platform.root().resolve("seeds/" + SEED + ".md").toString())
                .redirectErrorStream(true);
        reimport.environment().put("ENDORSEMENTS_DATA_DIR", launcher.dataDir.toString());
        reimport.environment().put("COMMAND_PORT", Integer.toString(launcher.commandPort));
        Process process = reimport.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("0 organizations registered, 0 endorsements recorded, 110 already recorded");
        // A write after the re-import, on the same statement: once the views include it, they include whatever the
        // re-import wrote before it (one statement's events keep their order from the event store to the views).
        ApiClient admin = launcher.command().withKey(launcher.adminKey());
        assertThat(admin.post("/api/organizations", Map.of("organizationId", "smoke-marker", "name", "Smoke marker"))
                        .status())
                .isEqualTo(201);
        ApiReply marker = admin.put("/api/statements/" + SEED + "/endorsements/smoke-marker", Map.of())
                .expect(201);
        assertThat(history(auditor, marker.position().orElseThrow()))
                .as("events after re-import and one more write")
                .isEqualTo(eventsBefore + 1);
    }

    private static long history(ApiClient auditor, ConsistencyToken after) throws IOException {
        String path = "/api/statements/" + SEED + "/history?size=1";
        return (after == null ? auditor.get(path) : auditor.get(path, after))
                .expect(200)
                .json()
                .path("totalItems")
                .asLong();
    }
}
