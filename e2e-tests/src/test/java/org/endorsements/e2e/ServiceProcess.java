package org.endorsements.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the platform's services, run from its packaged jar as its own process on a free port. */
final class ServiceProcess implements AutoCloseable {

    private final Path dir;
    private final int port = Platform.freePort();
    private Process process;

    ServiceProcess(Path dir) {
        this.dir = dir;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void start(Path jar, Map<String, String> environment) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder(List.of("java", "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("service.log").toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(jar.getFileName() + " did not start: "
                        + Files.readString(dir.resolve("service.log")));
            }
            try {
                if (Http.get(url() + "/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
