package org.endorsements.query.statement.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.endorsements.events.AggregateType;
import org.endorsements.events.OrganizationHidden;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.query.projection.ProjectionAdvanced;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.HiddenSignatories;
import org.endorsements.query.statement.Progress;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open {@code /live} streams, fed so that no client can hold back the projection or the other clients.
 * <ul>
 * <li>The projection's thread only records which statements changed ({@link #onChange}); one dispatcher thread
 *     reads each changed statement's counts once and hands them to its streams.</li>
 * <li>Each stream keeps only the latest counts not yet written (a queue of one that is overwritten): a client
 *     that reads slowly misses intermediate counts, never gets a backlog.</li>
 * <li>A pool of writer threads writes; a write that has not completed within {@code write-timeout}, or
 *     a stream whose counts were overwritten unsent {@code max-overflows} times in a row, is dropped (the browser
 *     reconnects by itself). A write blocked on a client that stopped reading ends only when the container's
 *     write timeout ({@code server.tomcat.connection-timeout}) closes the connection, dropped or not, so the pool
 *     keeps {@code writer-threads} and grows beyond them while writes are blocked (up to
 *     {@code max-writer-threads}): clients that never read cannot take every writer from those that do. A stream
 *     that finds even that many busy is dropped.</li>
 * <li>At most {@code max-streams} streams, {@code max-streams-per-address} per client address.</li>
 * </ul>
 * Own code rather than a library: Spring's {@link SseEmitter} writes on the caller's thread and offers neither a
 * per-connection queue nor a write deadline.
 */
@Component
class LiveStreams {

    @ConfigurationProperties("endorsements.live")
    record Properties(
            @DefaultValue("1000") int maxStreams,
            @DefaultValue("20") int maxStreamsPerAddress,
            @DefaultValue("5s") Duration writeTimeout,
            @DefaultValue("100") int maxOverflows,
            @DefaultValue("15s") Duration heartbeatInterval,
            @DefaultValue("30m") Duration streamLifetime,
            @DefaultValue("8") int writerThreads,
            @DefaultValue("1000") int maxWriterThreads,
            @DefaultValue("5s") Duration retryAfter,
            @DefaultValue("1s") Duration hideCheckInterval) {}

    static final String EVENT_NAME = "counts";
    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    /** The aggregates whose events change a statement's view: its own, and its endorsements'. */
    private static final Set<AggregateType> STATEMENT_VIEW_CHANGES =
            Set.of(AggregateType.STATEMENT, AggregateType.ENDORSEMENT);

    /** {@code countedButHidden}: of {@code endorsementCount}, how many the public does not see named. */
    record Counts(
            String statementId,
            long endorsementCount,
            long totalEndorsementsAdded,
            long withdrawals,
            Instant lastEndorsementAt,
            long countedButHidden,
            long invalidated,
            String status,
            Progress progress) {

        static Counts of(StatementView v, long countedButHidden) {
            return new Counts(
                    v.getId(),
                    v.getCurrentCount(),
                    v.getTotalAdded(),
                    v.getWithdrawn(),
                    v.getLastEndorsementAt(),
                    countedButHidden,
                    v.getInvalidated(),
                    v.getStatus(),
                    Progress.of(v, null));
        }
    }

    private final StatementQueries statements;
    private final HiddenSignatories hidden;
    private final AtomicLong hiddenSeen = new AtomicLong(-1);
    private final Properties properties;
    private final Map<String, List<Stream>> byStatement = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean dispatchRequested = new AtomicBoolean();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(named("live-dispatch"));
    private final ExecutorService writers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("live-timer"));

    LiveStreams(StatementQueries statements, HiddenSignatories hidden, Properties properties) {
        this.statements = statements;
        this.hidden = hidden;
        this.properties = properties;
        // No queue: a task either finds an idle writer or starts one, so it never waits behind blocked writes.
        this.writers = new ThreadPoolExecutor(
                properties.writerThreads(),
                Math.max(properties.writerThreads(), properties.maxWriterThreads()),
                1,
                TimeUnit.MINUTES,
                new SynchronousQueue<>(),
                named("live-writer"));
        long heartbeat = properties.heartbeatInterval().toMillis();
        timer.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        long watch = Math.max(50, properties.writeTimeout().toMillis() / 4);
        timer.scheduleWithFixedDelay(this::dropStalledWrites, watch, watch, TimeUnit.MILLISECONDS);
        long hideCheck = properties.hideCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::checkForHides, hideCheck, hideCheck, TimeUnit.MILLISECONDS);
    }

    /**
     * Another instance may have projected a hide (the organization's partition is not necessarily this one's):
     * the number of hidden organizations, which only grows, is compared on a timer while streams are open.
     */
    private void checkForHides() {
        if (byStatement.isEmpty()) {
            return;
        }
        try {
            long now = hidden.hiddenOrganizations();
            if (hiddenSeen.getAndSet(now) != now) {
                onChange(Set.copyOf(byStatement.keySet()));
            }
        } catch (RuntimeException e) {
            log.warn("Could not check for hidden organizations: {}", e.toString());
        }
    }

    /** A new stream for {@code statement}, its current counts queued; 503 or 429 beyond the caps. */
    SseEmitter open(StatementView statement, String address) {
        if (open.incrementAndGet() > properties.maxStreams()) {
            open.decrementAndGet();
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "too-many-streams",
                    "Too many live streams are open; retry later.",
                    properties.retryAfter().toSeconds());
        }
        boolean[] refused = {false};
        perAddress.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= properties.maxStreamsPerAddress()) {
                refused[0] = true;
                return n;
            }
            return count + 1;
        });
        if (refused[0]) {
            open.decrementAndGet();
            throw new ProblemException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-streams-from-address",
                    "Too many live streams are open from this address; close some first.",
                    properties.retryAfter().toSeconds());
        }
        Stream stream = new Stream(
                statement.getId(),
                address,
                newEmitter(properties.streamLifetime().toMillis()));
        byStatement
                .computeIfAbsent(statement.getId(), k -> new CopyOnWriteArrayList<>())
                .add(stream);
        stream.emitter.onCompletion(() -> forget(stream));
        stream.emitter.onTimeout(() -> forget(stream));
        stream.emitter.onError(e -> forget(stream));
        offer(stream, Counts.of(statement, hidden.countedButHidden(statement.getId())));
        return stream.emitter;
    }

    /** Tests replace the emitter with one that records or blocks. */
    SseEmitter newEmitter(long timeoutMillis) {
        return new SseEmitter(timeoutMillis);
    }

    /** On the projection's thread, after each batch: the statements whose views the batch changed. */
    @EventListener
    void onAdvance(ProjectionAdvanced advanced) {
        onChange(advanced.streamKeysOf(STATEMENT_VIEW_CHANGES));
        // A hide is on the organization's partition and may concern any statement: every open page is told, so
        // that dashboards drop the name at once (hides are rare; the counts are read once per statement).
        // An erasure hides the organization too, and renames it in auditors' open lists.
        if (advanced.applied().stream()
                .anyMatch(e -> e.event() instanceof OrganizationHidden
                        || e.event() instanceof OrganizationPersonalDataErased)) {
            onChange(Set.copyOf(byStatement.keySet()));
        }
    }

    /** Remembers which statements changed, and nothing else. */
    void onChange(Set<String> statementIds) {
        for (String statementId : statementIds) {
            if (byStatement.containsKey(statementId)) {
                changed.add(statementId);
            }
        }
        if (!changed.isEmpty() && dispatchRequested.compareAndSet(false, true)) {
            dispatcher.execute(this::dispatch);
        }
    }

    int openStreams() {
        return open.get();
    }

    private void dispatch() {
        // Cleared first: statements that change during this pass ask for another.
        dispatchRequested.set(false);
        for (String statementId : List.copyOf(changed)) {
            changed.remove(statementId);
            List<Stream> streams = byStatement.get(statementId);
            if (streams == null || streams.isEmpty()) {
                continue;
            }
            Optional<Counts> counts;
            try {
                counts = statements.find(statementId).map(v -> Counts.of(v, hidden.countedButHidden(statementId)));
            } catch (RuntimeException e) {
                log.warn("Could not read the counts of {} for its live streams: {}", statementId, e.toString());
                continue;
            }
            counts.ifPresent(c -> streams.forEach(stream -> offer(stream, c)));
        }
    }

    private void offer(Stream stream, Counts counts) {
        if (stream.latest.getAndSet(counts) != null && stream.overflows.incrementAndGet() > properties.maxOverflows()) {
            drop(stream, "its counts were replaced unsent " + properties.maxOverflows() + " times");
            return;
        }
        schedule(stream);
    }

    private void heartbeat() {
        byStatement
                .values()
                .forEach(streams -> streams.forEach(stream -> {
                    stream.heartbeatDue.set(true);
                    schedule(stream);
                }));
    }

    private void schedule(Stream stream) {
        if (!stream.closed.get() && stream.scheduled.compareAndSet(false, true)) {
            try {
                writers.execute(() -> drain(stream));
            } catch (RejectedExecutionException full) {
                stream.scheduled.set(false);
                drop(stream, "every one of the " + properties.maxWriterThreads() + " writers is busy");
            }
        }
    }

    /** On a writer thread; only one at a time per stream. */
    private void drain(Stream stream) {
        try {
            while (!stream.closed.get()) {
                Counts counts = stream.latest.getAndSet(null);
                boolean heartbeat = stream.heartbeatDue.getAndSet(false);
                if (counts == null && !heartbeat) {
                    break;
                }
                stream.writeStartedAt = System.nanoTime();
                if (counts != null) {
                    stream.emitter.send(SseEmitter.event().name(EVENT_NAME).data(counts, MediaType.APPLICATION_JSON));
                }
                if (heartbeat) {
                    stream.emitter.send(SseEmitter.event().comment("keep-alive"));
                }
                stream.writeStartedAt = 0;
                stream.overflows.set(0);
            }
        } catch (IOException | IllegalStateException gone) {
            drop(stream, "a write failed");
        } finally {
            stream.writeStartedAt = 0;
            stream.scheduled.set(false);
        }
        if (stream.closed.get()) {
            complete(stream);
        } else if (stream.latest.get() != null || stream.heartbeatDue.get()) {
            schedule(stream);
        }
    }

    private void dropStalledWrites() {
        long now = System.nanoTime();
        long limit = properties.writeTimeout().toNanos();
        byStatement
                .values()
                .forEach(streams -> streams.forEach(stream -> {
                    long started = stream.writeStartedAt;
                    if (started != 0 && now - started > limit) {
                        drop(stream, "a write took longer than " + properties.writeTimeout());
                    }
                }));
    }

    /**
     * No more counts for this stream. Its emitter is completed by its writer when one is busy with it (completing
     * waits for a blocked write), else at once.
     */
    private void drop(Stream stream, String why) {
        if (forget(stream)) {
            log.info("Live stream of {} from {} dropped: {}", stream.statementId, stream.address, why);
            if (!stream.scheduled.get()) {
                try {
                    writers.execute(() -> complete(stream));
                } catch (RejectedExecutionException full) {
                    // No writer is busy with this stream: completing it does not wait for a write.
                    complete(stream);
                }
            }
        }
    }

    /**
     * Ends the stream's response. When the container has ended it already after an error (a client gone while
     * many streams were dropped at once), Tomcat refuses to let an application thread touch it again: nothing is
     * left to do then, and the writer thread must not die of it. Refused is usually an IllegalStateException, but
     * a response Tomcat is recycling meanwhile can fail inside Tomcat with anything (a NullPointerException in its
     * header list was seen in CI), so every runtime failure here means the same.
     */
    private static void complete(Stream stream) {
        try {
            stream.emitter.complete();
        } catch (RuntimeException ended) {
            log.debug(
                    "Live stream of {} from {} had ended already: {}",
                    stream.statementId,
                    stream.address,
                    ended.getMessage());
        }
    }

    /** Unregisters the stream once; true the first time. */
    private boolean forget(Stream stream) {
        if (!stream.closed.compareAndSet(false, true)) {
            return false;
        }
        List<Stream> streams = byStatement.get(stream.statementId);
        if (streams != null) {
            streams.remove(stream);
            if (streams.isEmpty()) {
                byStatement.remove(stream.statementId, streams);
            }
        }
        perAddress.computeIfPresent(stream.address, (a, n) -> n <= 1 ? null : n - 1);
        open.decrementAndGet();
        return true;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        dispatcher.shutdownNow();
        writers.shutdownNow();
    }

    private static ThreadFactory named(String name) {
        AtomicInteger number = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Stream {
        final String statementId;
        final String address;
        final SseEmitter emitter;
        final AtomicReference<Counts> latest = new AtomicReference<>();
        final AtomicBoolean heartbeatDue = new AtomicBoolean();
        final AtomicBoolean scheduled = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicInteger overflows = new AtomicInteger();
        /** {@link System#nanoTime()} when the write in progress began; 0 when none is. */
        volatile long writeStartedAt;

        Stream(String statementId, String address, SseEmitter emitter) {
            this.statementId = statementId;
            this.address = address;
            this.emitter = emitter;
        }
    }
}
