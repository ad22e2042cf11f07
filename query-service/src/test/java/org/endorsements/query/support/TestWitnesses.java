package org.endorsements.query.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import org.endorsements.transparency.Ed25519Keys;
import org.endorsements.transparency.SignedNote;
import org.endorsements.transparency.witness.Witness;
import org.endorsements.transparency.witness.WitnessServer;
import org.endorsements.transparency.witness.WitnessState;

/**
 * The witnesses every integration test's query service submits to: one running for the whole JVM, and one that
 * is down until a test starts it on its reserved port. Both trust the test's log key, which is created here before
 * the service starts so the witnesses can be configured with it.
 */
public final class TestWitnesses {

    public static final String LOG_KEY_NAME = "endorsements.local";
    public static final KeyPair LOG_KEYS = load(Path.of(QueryStackSupport.SIGNING_KEY_FILE));
    public static final String LOG_VKEY = SignedNote.verifierKey(LOG_KEY_NAME, LOG_KEYS.getPublic());
    public static final Witness LIVE = witness("witness.test/live");
    public static final Witness LATE = witness("witness.test/late");
    public static final int LATE_PORT = freePort();
    private static final WitnessServer LIVE_SERVER = serve(LIVE, 0);

    private TestWitnesses() {}

    public static String liveUrl() {
        return "http://127.0.0.1:" + LIVE_SERVER.port();
    }

    public static String lateUrl() {
        return "http://127.0.0.1:" + LATE_PORT;
    }

    /** Starts the witness that was down; the caller closes it. */
    public static WitnessServer startLate() {
        return serve(LATE, LATE_PORT);
    }

    private static Witness witness(String name) {
        try {
            return new Witness(
                    name,
                    Ed25519Keys.generate(),
                    Witness.WitnessedLogs.parse(List.of("endorsements.local/statements/*=" + LOG_VKEY)),
                    new WitnessState(Files.createTempDirectory("witness-state")),
                    Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WitnessServer serve(Witness witness, int port) {
        try {
            return new WitnessServer(witness, new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair load(Path file) {
        try {
            return Ed25519Keys.loadOrCreate(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
