package org.endorsements.bench.drill;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./endorsements drill <name>|all}: the options of {@link Drills}. The exit code is 0 when every drill passed,
 * 1 when one failed, 2 when a drill could not run.
 */
@Command(
        name = "drill",
        sortOptions = false,
        description = {
            "Fault drill on a platform of its own (free ports, temp folder): load through the API, inject "
                    + "the fault, recover, then find every acknowledged write in the event store, on the topic and in "
                    + "the views.",
            "Exit code 0: every drill passed."
        })
public final class DrillCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "this help")
    boolean help;

    @Parameters(
            index = "0",
            paramLabel = "NAME|all",
            description = "concurrent-identical, poison, query-kill, "
                    + "command-kill, mongo-restart, broker-stop, flood, split-view; or all of them on one platform")
    String name;

    @Option(names = "--root", defaultValue = ".", description = "the platform's build (default: .)")
    Path root;

    @Option(names = "--results", defaultValue = "results", description = "the results folder (default: results)")
    Path results;

    @Option(
            names = "--load-seconds",
            defaultValue = "10",
            description = "load before and after each fault (default: ${DEFAULT-VALUE})")
    int loadSeconds;

    @Option(
            names = "--down-seconds",
            defaultValue = "30",
            description = "broker-stop: how long the broker is down (default: ${DEFAULT-VALUE})")
    int downSeconds;

    @Option(
            names = "--fault-seconds",
            defaultValue = "3",
            description = "query-kill, command-kill, mongo-restart: "
                    + "how long the process stays down (default: ${DEFAULT-VALUE})")
    int faultSeconds;

    @Option(names = "--rate", defaultValue = "150", description = "requests/s of the load (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--clients", defaultValue = "12", description = "clients of the load (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(
            names = "--organizations",
            defaultValue = "100",
            description = "organizations of the load, each "
                    + "endorsing and withdrawing on 2 statements (default: ${DEFAULT-VALUE})")
    int organizations;

    @Option(
            names = "--converge-seconds",
            defaultValue = "180",
            description = "how long the views may take to "
                    + "converge with the event store after the load (default: ${DEFAULT-VALUE})")
    int convergeSeconds;

    @Option(
            names = "--identical-rounds",
            defaultValue = "10",
            description = "concurrent-identical: rounds, one organization each (default: ${DEFAULT-VALUE})")
    int identicalRounds;

    @Option(
            names = "--identical-requests",
            defaultValue = "50",
            description = "concurrent-identical: simultaneous "
                    + "identical endorsements per round (default: ${DEFAULT-VALUE})")
    int identicalRequests;

    @Option(
            names = "--flood-seconds",
            defaultValue = "15",
            description = "flood: how long the attack lasts (default: ${DEFAULT-VALUE})")
    int floodSeconds;

    @Option(
            names = "--max-lag-seconds",
            defaultValue = "10",
            description = "flood: bound on the projection lag meanwhile (default: ${DEFAULT-VALUE})")
    int maxLagSeconds;

    @Option(
            names = "--flood-body-mb",
            defaultValue = "30",
            description = "flood: size of each oversized body, in MB (default: ${DEFAULT-VALUE})")
    int floodBodyMegabytes;

    @Option(
            names = "--flood-oversized",
            defaultValue = "48",
            description = "flood: oversized requests in all (default: ${DEFAULT-VALUE})")
    int floodOversized;

    @Option(
            names = "--flood-oversized-at-once",
            defaultValue = "16",
            description = "flood: oversized requests in flight at a time (default: ${DEFAULT-VALUE})")
    int floodOversizedAtOnce;

    @Option(
            names = "--flood-path-attacks",
            defaultValue = "300",
            description = "flood: path-parameter requests in all (default: ${DEFAULT-VALUE})")
    int floodPathAttacks;

    @Option(
            names = "--flood-streams",
            defaultValue = "500",
            description = "flood: never-read /live streams held open (default: ${DEFAULT-VALUE})")
    int floodStreams;

    /** The drills to run, in their order. */
    List<String> drills() {
        return "all".equals(name) ? Drills.NAMES : List.of(name);
    }

    Drills.Options options() {
        return new Drills.Options(
                root.toAbsolutePath().normalize(),
                results,
                loadSeconds,
                downSeconds,
                faultSeconds,
                rate,
                clients,
                organizations,
                convergeSeconds,
                identicalRounds,
                identicalRequests,
                floodSeconds,
                maxLagSeconds,
                floodBodyMegabytes,
                floodOversized,
                floodOversizedAtOnce,
                floodPathAttacks,
                floodStreams);
    }

    @Override
    public Integer call() {
        if (!"all".equals(name) && !Drills.NAMES.contains(name)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "unknown drill: " + name + " (one of " + String.join(", ", Drills.NAMES) + ", or all)");
        }
        try {
            return Drills.run(drills(), name, options()) ? 0 : 1;
        } catch (Exception e) {
            System.err.println("The drill stopped: " + e);
            e.printStackTrace();
            return 2;
        }
    }
}
