package org.endorsements.cli.witness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.endorsements.transparency.Ed25519Keys;
import org.endorsements.transparency.witness.Witness;
import org.endorsements.transparency.witness.WitnessServer;
import org.endorsements.transparency.witness.WitnessState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code witness serve}: loads (or creates) the witness's Ed25519 key, its durable state and the list of logs it
 * witnesses, then answers add-checkpoint until stopped. Its verifier key is printed and written to
 * {@code <state>/witness.vkey}, for the platform and the auditors to configure.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serves add-checkpoint (POST /add-checkpoint) and GET /<origin hash>/checkpoint.")
public final class ServeCommand implements Callable<Integer> {

    static final String DEFAULT_NAME = "witness.endorsements.local/w1";

    @Option(names = "--key", required = true, description = "the witness's Ed25519 key file; created when absent")
    Path keyFile;

    @Option(names = "--state", required = true, description = "the folder of the witness's durable state")
    Path stateDir;

    @Option(names = "--port", defaultValue = "${env:WITNESS_PORT:-8090}", description = "default: ${DEFAULT-VALUE}")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "the address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(
            names = "--name",
            defaultValue = DEFAULT_NAME,
            description = "the witness's key name, a schema-less URL (default: ${DEFAULT-VALUE})")
    String name;

    @Option(
            names = "--log",
            description = "a log to witness: <origin>=<log verifier key>; an origin ending in '*' "
                    + "covers every origin with that prefix (one log per statement). Repeatable.")
    List<String> logs = new ArrayList<>();

    @Option(names = "--logs-file", description = "a file of such entries, one a line ('#' starts a comment)")
    Path logsFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> entries = new ArrayList<>(logs);
        if (logsFile != null) {
            Files.readAllLines(logsFile, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(entries::add);
        }
        if (entries.isEmpty()) {
            System.err.println("witness: give at least one --log <origin>=<verifier key> (or --logs-file)");
            return 2;
        }
        Witness.WitnessedLogs witnessed;
        try {
            witnessed = Witness.WitnessedLogs.parse(entries);
        } catch (IllegalArgumentException e) {
            System.err.println("witness: " + e.getMessage());
            return 2;
        }
        boolean created = !Files.exists(keyFile);
        KeyPair keys = Ed25519Keys.loadOrCreate(keyFile);
        Witness witness = new Witness(name, keys, witnessed, new WitnessState(stateDir), Clock.systemUTC());
        String vkey = witness.verifier().encode();
        Files.writeString(stateDir.resolve("witness.vkey"), vkey + "\n", StandardCharsets.US_ASCII);
        CountDownLatch stopped = new CountDownLatch(1);
        try (WitnessServer server = new WitnessServer(witness, new InetSocketAddress(bind, port))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.printf("%sWitness key: %s%n", created ? "Created " + keyFile + ". " : "", vkey);
            System.out.printf(
                    "Witnessing %d log entr%s; state in %s; listening on http://%s:%d%n",
                    entries.size(), entries.size() == 1 ? "y" : "ies", stateDir, bind, server.port());
            System.out.flush();
            stopped.await();
        }
        return 0;
    }
}
