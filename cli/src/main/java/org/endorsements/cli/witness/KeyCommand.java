package org.endorsements.cli.witness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.endorsements.transparency.Cosignature;
import org.endorsements.transparency.Ed25519Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code witness key}: prints the witness's verifier key (creating the key file when absent), so that the platform
 * can be configured with the witness before the witness first runs.
 */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Prints the witness's verifier key.")
public final class KeyCommand implements Callable<Integer> {

    @Option(names = "--key", required = true, description = "the witness's Ed25519 key file; created when absent")
    Path keyFile;

    @Option(
            names = "--name",
            defaultValue = ServeCommand.DEFAULT_NAME,
            description = "the witness's key name (default: ${DEFAULT-VALUE})")
    String name;

    @Override
    public Integer call() throws IOException {
        System.out.println(
                Cosignature.verifier(name, Ed25519Keys.loadOrCreate(keyFile)).encode());
        return 0;
    }
}
