package org.endorsements.cli.witness;

import picocli.CommandLine.Command;

/** A witness any third party can run beside the platform (c2sp.org/tlog-witness). */
@Command(
        name = "witness",
        description = "Runs a transparency log witness that cosigns consistent checkpoints.",
        subcommands = {ServeCommand.class, KeyCommand.class})
public final class WitnessCommand {}
