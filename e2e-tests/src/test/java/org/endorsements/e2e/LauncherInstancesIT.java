package org.endorsements.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./endorsements up --instances 2}: two query-service instances that serve the same views and key. */
class LauncherInstancesIT {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoQueryInstancesArePrintedWithTheirPortsAndServeTheSameStatementsAndLogKey() throws Exception {
        try (Launcher launcher = new Launcher(data.resolve("two"))) {
            launcher.up("--instances", "2");
            int second = launcher.queryPort + 1;
            assertThat(launcher.output())
                    .anySatisfy(
                            line -> assertThat(line).contains("Query instance 2:", "http://127.0.0.1:" + second + "/"));

            String first = "http://127.0.0.1:" + launcher.queryPort;
            String other = "http://127.0.0.1:" + second;
            assertThat(get(other + "/.well-known/endorsements-log-key"))
                    .isEqualTo(get(first + "/.well-known/endorsements-log-key"));
            // The seed campaign, imported through the command service, projected by whichever instance holds its
            // partition: both serve the same list.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> get(first + "/api/statements").contains("statementId")
                            && get(first + "/api/statements").equals(get(other + "/api/statements")));

            List<ProcessHandle> started = launcher.descendants();
            launcher.interrupt();
            await().atMost(Duration.ofSeconds(30)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
        }
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
