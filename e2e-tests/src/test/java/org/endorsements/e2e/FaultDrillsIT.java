package org.endorsements.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault drill, through the launcher exactly as an operator runs it ({@code ./endorsements drill all}), at the
 * smallest sizes that still prove each drill's checks: load on 2 statements × 20 organizations for 2 s before and
 * after each fault, the broker down 4 s (writes must still be acknowledged meanwhile), a killed service down 1 s,
 * 3 rounds of 20 simultaneous identical endorsements, and a 4 s flood that keeps what made the hostile client of
 * issue 16 dangerous: 16 bodies of 30 MB at once with lying framing, and 500 never-read {@code /live} streams.
 * The drill itself decides pass or fail from what it finds in the event store, on the topic and in the views; this
 * test requires exit code 0 and a passed row per drill. The full-size drills are {@code ./endorsements drill all}.
 */
class FaultDrillsIT {

    @TempDir
    Path results;

    @Test
    void everyDrillLosesNothingAcknowledgedAndCountsNothingTwice() throws Exception {
        Process drill = new ProcessBuilder(
                        "bash",
                        Platform.root().resolve("endorsements").toString(),
                        "drill",
                        "all",
                        "--load-seconds",
                        "2",
                        "--down-seconds",
                        "4",
                        "--fault-seconds",
                        "1",
                        "--organizations",
                        "20",
                        "--clients",
                        "4",
                        "--rate",
                        "60",
                        "--identical-rounds",
                        "3",
                        "--identical-requests",
                        "20",
                        "--flood-seconds",
                        "4",
                        "--flood-body-mb",
                        "30",
                        "--flood-oversized",
                        "16",
                        "--flood-oversized-at-once",
                        "16",
                        "--flood-path-attacks",
                        "120",
                        "--flood-streams",
                        "500",
                        "--results",
                        results.toString())
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(drill.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                System.out.println("[drill] " + line);
                output.add(line);
            }
        }
        assertThat(drill.waitFor(15, TimeUnit.MINUTES)).isTrue();
        assertThat(drill.exitValue())
                .as("exit code of ./endorsements drill all")
                .isZero();
        for (String name : List.of(
                "concurrent-identical",
                "poison",
                "query-kill",
                "command-kill",
                "mongo-restart",
                "broker-stop",
                "flood",
                "split-view")) {
            assertThat(output)
                    .as("the table row of " + name)
                    .anyMatch(l -> l.startsWith("| " + name + " |") && l.endsWith("| 0 | passed |"));
        }
    }
}
