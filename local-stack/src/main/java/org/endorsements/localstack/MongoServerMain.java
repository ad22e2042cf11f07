package org.endorsements.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded MongoDB-compatible server of the local stack (mongo-java-server, in-memory backend). It keeps
 * nothing on disk: the query service rebuilds its views from Kafka whenever it finds this store empty.
 * Usage: {@code MongoServerMain <host> <port>}.
 */
public final class MongoServerMain {

    private MongoServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        MongoServer server = new MongoServer(new MemoryBackend());
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            System.err.println("Cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            System.exit(2);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdownNow();
                            stopped.countDown();
                        },
                        "mongo-shutdown"));
        System.out.println("MongoDB-compatible server (in memory) listening on " + host + ":" + port);
        stopped.await();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
