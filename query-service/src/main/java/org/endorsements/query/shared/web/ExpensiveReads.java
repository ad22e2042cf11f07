package org.endorsements.query.shared.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A bulkhead for reads whose cost grows with a statement's size (exports, documents, {@code asOf}, breakdowns):
 * at most {@code max-concurrent} run at once; beyond that a read is refused at once with 503 and
 * {@code Retry-After} instead of queueing up threads and memory.
 * <p>
 * A plain {@link Semaphore} rather than Resilience4j's bulkhead: a streamed response holds its permit until its
 * last byte is written, on another thread than the one that took it, which a decorator around one call cannot
 * express, and Resilience4j's {@code tryAcquirePermission}/{@code onComplete} are this same semaphore under
 * another name plus a dependency whose version Spring Boot does not manage.
 */
@Component
public class ExpensiveReads {

    @ConfigurationProperties("endorsements.reads.bulkhead")
    public record Properties(@DefaultValue("4") int maxConcurrent, @DefaultValue("1s") Duration retryAfter) {
    }

    private final Semaphore permits;
    private final Properties properties;

    ExpensiveReads(Properties properties) {
        this.properties = properties;
        this.permits = new Semaphore(properties.maxConcurrent());
    }

    /** A permit, released by {@link Permit#close()} (once, however often it is called); 503 when none is left. */
    public Permit acquire() {
        if (!permits.tryAcquire()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "too-many-large-reads",
                    "Too many large reads are running; retry shortly.",
                    Math.max(1, properties.retryAfter().toSeconds()));
        }
        return new Permit();
    }

    public <T> T call(Supplier<T> read) {
        try (Permit permit = acquire()) {
            return read.get();
        }
    }

    int available() {
        return permits.availablePermits();
    }

    public final class Permit implements AutoCloseable {

        private final AtomicBoolean released = new AtomicBoolean();

        private Permit() {
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }
}
