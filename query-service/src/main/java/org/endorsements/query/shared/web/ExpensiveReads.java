package org.endorsements.query.shared.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * A streamed answer holds its permit while the client reads it, so a client could hold permits just by reading
 * slowly: such a permit is taken {@linkplain #acquire(HttpServletRequest) for a request}, at most
 * {@code max-per-address} per client address (429 beyond), and it is released when the request ends however it
 * ends: last byte written, async timeout ({@code spring.mvc.async.request-timeout}, the deadline of a streamed
 * answer), error, or a streaming task cancelled or rejected before it ever ran ({@link ExpensiveReadsFilter}).
 * <p>
 * A plain {@link Semaphore} rather than Resilience4j's bulkhead: a streamed response holds its permit until its
 * last byte is written, on another thread than the one that took it, which a decorator around one call cannot
 * express, and Resilience4j's {@code tryAcquirePermission}/{@code onComplete} are this same semaphore under
 * another name plus a dependency whose version Spring Boot does not manage.
 */
@Component
public class ExpensiveReads {

    @ConfigurationProperties("endorsements.reads.bulkhead")
    public record Properties(
            @DefaultValue("4") int maxConcurrent,
            @DefaultValue("1") int maxPerAddress,
            @DefaultValue("1s") Duration retryAfter) {}

    /** The request attribute that holds the permits of a request, put there by {@link ExpensiveReadsFilter}. */
    static final String HELD = ExpensiveReads.class.getName() + ".held";

    private final Semaphore permits;
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final Properties properties;

    ExpensiveReads(Properties properties) {
        this.properties = properties;
        this.permits = new Semaphore(properties.maxConcurrent());
    }

    /**
     * A permit held at most until {@code request} ends (sooner by {@link Permit#close()}); 429 when its client
     * address holds {@code max-per-address} already, 503 when none is left.
     */
    public Permit acquire(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        boolean[] refused = {false};
        perAddress.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= properties.maxPerAddress()) {
                refused[0] = true;
                return n;
            }
            return count + 1;
        });
        if (refused[0]) {
            throw new ProblemException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-large-reads-from-address",
                    "A large read from this address is running already; retry when it has finished.",
                    retryAfterSeconds());
        }
        Permit permit;
        try {
            permit = acquire(() -> perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1));
        } catch (RuntimeException full) {
            perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
            throw full;
        }
        Object held = request.getAttribute(HELD);
        if (!(held instanceof Held h) || !h.add(permit)) {
            // No filter saw this request, or it has ended already (its client went away while it waited):
            // nothing would release a permit taken now.
            permit.close();
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "too-many-large-reads",
                    "This request can no longer hold a large read; retry.",
                    retryAfterSeconds());
        }
        return permit;
    }

    /**
     * A permit for a read that runs on the caller's thread (no client paces it), released by
     * {@link Permit#close()}; 503 when none is left.
     */
    public Permit acquire() {
        return acquire(() -> {});
    }

    private Permit acquire(Runnable onRelease) {
        if (!permits.tryAcquire()) {
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "too-many-large-reads",
                    "Too many large reads are running; retry shortly.",
                    retryAfterSeconds());
        }
        return new Permit(onRelease);
    }

    private long retryAfterSeconds() {
        return Math.max(1, properties.retryAfter().toSeconds());
    }

    public <T> T call(Supplier<T> read) {
        try (Permit permit = acquire()) {
            return read.get();
        }
    }

    /** Permits not taken now (for tests and dashboards). */
    public int available() {
        return permits.availablePermits();
    }

    public final class Permit implements AutoCloseable {

        private final AtomicBoolean released = new AtomicBoolean();
        private final Runnable onRelease;

        private Permit(Runnable onRelease) {
            this.onRelease = onRelease;
        }

        /** Releases the permit once, however often it is called and from whichever thread. */
        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                onRelease.run();
                permits.release();
            }
        }
    }

    /**
     * The permits of one request, released when it ends. As an {@link AsyncListener} it follows the request
     * through each of its async cycles (a wait for {@code minPosition}, then the streaming of the answer):
     * a listener is told of a new cycle and has to register again with it.
     */
    static final class Held implements AsyncListener {

        private final List<Permit> permits = new ArrayList<>();
        private boolean ended;

        synchronized boolean add(Permit permit) {
            if (ended) {
                return false;
            }
            permits.add(permit);
            return true;
        }

        void end() {
            List<Permit> release;
            synchronized (this) {
                ended = true;
                release = List.copyOf(permits);
                permits.clear();
            }
            release.forEach(Permit::close);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }

        @Override
        public void onComplete(AsyncEvent event) {
            end();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            end();
        }

        @Override
        public void onError(AsyncEvent event) {
            end();
        }
    }
}
