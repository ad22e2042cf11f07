package org.endorsements.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.endorsements.bench.Bench;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DrillCommandTest {

    private static CommandLine drill(DrillCommand command, StringWriter err) {
        return new CommandLine(command).setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()));
    }

    @Test
    void withoutOptionsTheDrillsRunAtTheirFullSizes() {
        DrillCommand command = new DrillCommand();
        new CommandLine(command).parseArgs("flood");

        Drills.Options options = command.options();
        assertThat(command.drills()).containsExactly("flood");
        assertThat(options.loadSeconds()).isEqualTo(10);
        assertThat(options.downSeconds()).isEqualTo(30);
        assertThat(options.faultSeconds()).isEqualTo(3);
        assertThat(options.rate()).isEqualTo(150);
        assertThat(options.clients()).isEqualTo(12);
        assertThat(options.organizations()).isEqualTo(100);
        assertThat(options.identicalRounds()).isEqualTo(10);
        assertThat(options.identicalRequests()).isEqualTo(50);
        assertThat(options.floodSeconds()).isEqualTo(15);
        assertThat(options.maxLagSeconds()).isEqualTo(10);
        assertThat(options.floodBodyMegabytes()).isEqualTo(30);
        assertThat(options.floodOversized()).isEqualTo(48);
        assertThat(options.floodOversizedAtOnce()).isEqualTo(16);
        assertThat(options.floodPathAttacks()).isEqualTo(300);
        assertThat(options.floodStreams()).isEqualTo(500);
    }

    @Test
    void allRunsEveryDrillAndTheLaunchersOptionsAreRead() {
        DrillCommand command = new DrillCommand();
        new CommandLine(command)
                .parseArgs(
                        "all",
                        "--root",
                        "/opt/endorsements",
                        "--results",
                        "out",
                        "--load-seconds",
                        "2",
                        "--flood-streams",
                        "50");

        assertThat(command.drills()).isEqualTo(Drills.NAMES);
        assertThat(command.options().root()).isEqualTo(Path.of("/opt/endorsements"));
        assertThat(command.options().results()).isEqualTo(Path.of("out"));
        assertThat(command.options().loadSeconds()).isEqualTo(2);
        assertThat(command.options().floodStreams()).isEqualTo(50);
    }

    @Test
    void anOptionTheLauncherGaveIsOverriddenByTheSameOptionGivenAfterIt() {
        CommandLine bench = Bench.commandLine();
        CommandLine.ParseResult parsed = bench.parseArgs(
                "drill",
                "all",
                "--root",
                "/opt/endorsements",
                "--results",
                "/opt/endorsements/results",
                "--load-seconds",
                "2",
                "--results",
                "/tmp/mine");

        DrillCommand command = parsed.subcommand().commandSpec().commandLine().getCommand();
        assertThat(command.options().results()).isEqualTo(Path.of("/tmp/mine"));
        assertThat(command.options().loadSeconds()).isEqualTo(2);
    }

    @Test
    void anUnknownDrillIsAUsageErrorThatNamesTheDrills() {
        StringWriter err = new StringWriter();

        int exit = drill(new DrillCommand(), err).execute("flod");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown drill: flod", "split-view");
    }

    @Test
    void anUnknownOptionIsAUsageErrorInsteadOfBeingIgnored() {
        StringWriter err = new StringWriter();

        int exit = drill(new DrillCommand(), err).execute("flood", "--flood-second", "4");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--flood-second");
    }

    @Test
    void theBenchmarkWithoutTheLaunchersOptionsIsAUsageError() {
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new Bench()).setErr(new PrintWriter(err)).execute("--repetitions", "1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--command-url");
    }
}
