package org.endorsements.cli;

import org.endorsements.cli.keys.KeysCommand;
import org.endorsements.cli.keys.SignCommand;
import org.endorsements.cli.witness.WitnessCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The Java half of {@code ./endorsements}: sub-commands that talk to a running platform over HTTP. */
@Command(
        name = "endorsements",
        mixinStandardHelpOptions = true,
        subcommands = {
            ImportCommand.class,
            DemoCommand.class,
            AuditCommand.class,
            WitnessCommand.class,
            KeysCommand.class,
            SignCommand.class
        },
        description = "Command line of the Endorsements platform.")
public final class EndorsementsCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new EndorsementsCli()).execute(args));
    }
}
