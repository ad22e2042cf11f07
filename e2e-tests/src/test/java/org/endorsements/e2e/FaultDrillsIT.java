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
 * Every fault drill, through the launcher exactly as an operator runs it ({@code ./endorsements drill all}), with
 * shorter phases than the default (broker down 10 s instead of 30 s, flood 10 s instead of 15 s) to keep the suite
 * quick. The drill itself decides pass or fail from what it finds in the event store, on the topic and in the views;
 * this test requires exit code 0 and a passed row per drill.
 */
class FaultDrillsIT {

    @TempDir
    Path results;

    @Test
    void everyDrillLosesNothingAcknowledgedAndCountsNothingTwice() throws Exception {
        Process drill = new ProcessBuilder("bash", Platform.root().resolve("endorsements").toString(), "drill", "all",
                "--load-seconds", "5", "--down-seconds", "10", "--flood-seconds", "10", "--results",
                results.toString())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(drill.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                System.out.println("[drill] " + line);
                output.add(line);
            }
        }
        assertThat(drill.waitFor(15, TimeUnit.MINUTES)).isTrue();
        assertThat(drill.exitValue()).as("exit code of ./endorsements drill all").isZero();
        for (String name : List.of("concurrent-identical", "poison", "query-kill", "command-kill", "mongo-restart",
                "broker-stop", "flood", "split-view")) {
            assertThat(output).as("the table row of " + name)
                    .anyMatch(l -> l.startsWith("| " + name + " |") && l.endsWith("| 0 | passed |"));
        }
    }
}
