package org.endorsements.query.projection.consistency;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.events.ConsistencyTokenKey;
import org.endorsements.query.projection.AggregatePositions;
import org.endorsements.query.projection.ProjectionAdvanced;
import org.endorsements.query.shared.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: a read with {@code minPosition} (the {@code X-Event-Position} of a write) is answered once the
 * views include that write, or with 503 and {@code Retry-After} after the configured time.
 * <p>
 * A read that has to wait holds no request thread: it is an async request whose future completes when a batch
 * written by the projection ({@link ProjectionAdvanced}) brings its aggregate to the position. One thread looks
 * at every waiting read after each batch (one query per aggregate waited for, not per request), and at most
 * {@code max-waiters} reads wait at once; beyond that a read is refused at once rather than queued.
 */
@Component
public class ConsistencyGate {

    @ConfigurationProperties("endorsements.read-your-writes")
    public record Properties(
            @DefaultValue("5s") Duration maxWait,
            @DefaultValue("200") int maxWaiters) {}

    /** {@code key}: the key shared with the command service; blank derives it from the admin key. */
    @ConfigurationProperties("endorsements.consistency-token")
    public record TokenProperties(String key) {}

    private static final Logger log = LoggerFactory.getLogger(ConsistencyGate.class);
    private static final long RETRY_AFTER_SECONDS = 1;

    private final AggregatePositions positions;
    private final Properties properties;
    private final ConsistencyTokenKey tokenKey;
    private final Executor reads;
    /** Checks positions and times waits out; never runs a read itself. */
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "consistency-gate");
        thread.setDaemon(true);
        return thread;
    });

    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean checkRequested = new AtomicBoolean();

    ConsistencyGate(
            AggregatePositions positions,
            Properties properties,
            TokenProperties tokenProperties,
            @Value("${endorsements.security.admin-key:}") String adminKey,
            @Qualifier("applicationTaskExecutor") Executor reads) {
        this.positions = positions;
        this.properties = properties;
        this.tokenKey = ConsistencyTokenKey.fromConfiguration(tokenProperties.key(), adminKey);
        this.reads = reads;
    }

    private record Waiter(ConsistencyToken token, CompletableFuture<Void> reached) {}

    /**
     * {@code read}, once the views include {@code minPosition} (at once without one). A malformed token, and one
     * the command service did not sign, is refused with 400 before anything is read or waited for: a position
     * anybody could write would tell them from the wait whether an aggregate has that many events. When too many
     * reads wait already, 503.
     */
    public <T> CompletableFuture<T> read(String minPosition, Supplier<T> read) {
        if (minPosition == null || minPosition.isBlank()) {
            return CompletableFuture.completedFuture(read.get());
        }
        ConsistencyToken token = parse(minPosition);
        if (reached(token)) {
            return CompletableFuture.completedFuture(read.get());
        }
        if (waiting.incrementAndGet() > properties.maxWaiters()) {
            waiting.decrementAndGet();
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "too-many-waiting-reads",
                    "Too many reads are waiting for their writes; retry shortly.",
                    RETRY_AFTER_SECONDS);
        }
        Waiter waiter = new Waiter(token, new CompletableFuture<>());
        waiters.add(waiter);
        ScheduledFuture<?> timeout = checker.schedule(
                () -> waiter.reached().completeExceptionally(notYet()),
                properties.maxWait().toMillis(),
                TimeUnit.MILLISECONDS);
        waiter.reached().whenComplete((done, failed) -> {
            timeout.cancel(false);
            waiters.remove(waiter);
            waiting.decrementAndGet();
        });
        // The batch that brings the position may have been written between the look above and the registration.
        requestCheck();
        return waiter.reached().thenApplyAsync(reached -> read.get(), reads);
    }

    @EventListener
    void onAdvance(ProjectionAdvanced advanced) {
        if (!waiters.isEmpty()) {
            requestCheck();
        }
    }

    /** Reads waiting for their position now. */
    public int waitingReads() {
        return waiting.get();
    }

    private void requestCheck() {
        if (checkRequested.compareAndSet(false, true)) {
            checker.execute(this::check);
        }
    }

    private void check() {
        // Cleared first: a batch written during this pass asks for another one.
        checkRequested.set(false);
        Map<String, Long> applied = new HashMap<>();
        for (Waiter waiter : waiters) {
            ConsistencyToken t = waiter.token();
            try {
                long at = applied.computeIfAbsent(
                        t.aggregateType().wireName() + '|' + t.aggregateId(),
                        k -> positions
                                .appliedSequence(t.aggregateType(), t.aggregateId())
                                .orElse(-1L));
                if (at >= t.sequence()) {
                    waiter.reached().complete(null);
                }
            } catch (RuntimeException e) {
                log.warn("Could not read an applied position ({}); the read waits on", e.toString());
            }
        }
    }

    private boolean reached(ConsistencyToken token) {
        return positions
                        .appliedSequence(token.aggregateType(), token.aggregateId())
                        .orElse(-1L)
                >= token.sequence();
    }

    private static ProblemException notYet() {
        return new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "not-yet-consistent",
                "The views do not include that write yet; retry shortly.",
                RETRY_AFTER_SECONDS);
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }

    /**
     * The token a write returned; any other value, a forged or unsigned one included, is refused with the same 400
     * before anything is read.
     */
    ConsistencyToken parse(String value) {
        ConsistencyToken token;
        try {
            token = ConsistencyToken.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalidToken();
        }
        if (!tokenKey.verifies(token)) {
            throw invalidToken();
        }
        return token;
    }

    private static ProblemException invalidToken() {
        return ProblemException.badRequest(
                "invalid-min-position",
                "minPosition must be an X-Event-Position value returned by the command service.");
    }
}
