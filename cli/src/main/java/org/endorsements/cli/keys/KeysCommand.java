package org.endorsements.cli.keys;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.endorsements.events.Ed25519;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keys}: an organization's own signing keys. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "An organization's own Ed25519 signing keys.",
        subcommands = KeysCommand.Generate.class)
public final class KeysCommand {

    /** {@code keys generate --out FILE}: a new key pair in an OpenSSL-compatible file; prints the public key. */
    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Writes a new Ed25519 key pair (PEM, as OpenSSL writes it) and prints its public key, "
                    + "base64, as PUT .../signing-keys/{keyId} takes it.")
    static final class Generate implements Callable<Integer> {

        @Option(names = "--out", required = true, description = "the private key file to create (never overwritten)")
        Path file;

        @Override
        public Integer call() throws Exception {
            System.out.println(Ed25519.encode(KeyFiles.generate(file).getPublic()));
            return 0;
        }
    }
}
