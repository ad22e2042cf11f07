package org.endorsements.query.statement.web;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.query.projection.ProjectionAdvanced;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.HiddenSignatories;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.endorsements.query.support.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class LiveStreamsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final StatementQueries statements = mock(StatementQueries.class);
    private final HiddenSignatories hidden = mock(HiddenSignatories.class);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Recording> emitters = new CopyOnWriteArrayList<>();
    private LiveStreams streams;

    /** Records what it is sent; a stuck one blocks in its first write, like a client that stopped reading. */
    private final class Recording extends SseEmitter {
        final boolean stuck;
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile boolean completed;

        Recording(boolean stuck) {
            this.stuck = stuck;
        }

        @Override
        public void send(SseEventBuilder event) throws IOException {
            if (stuck) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("broken pipe");
            }
            sent.add(event.build().stream()
                    .map(part -> String.valueOf(part.getData()))
                    .collect(joining()));
        }

        @Override
        public void complete() {
            completed = true;
        }
    }

    private LiveStreams streams(LiveStreams.Properties properties, boolean... stuck) {
        int[] next = {0};
        return new LiveStreams(statements, hidden, properties) {
            @Override
            SseEmitter newEmitter(long timeoutMillis) {
                Recording emitter = new Recording(stuck[next[0]++]);
                emitters.add(emitter);
                return emitter;
            }
        };
    }

    private static LiveStreams.Properties properties(int maxStreams, Duration writeTimeout, int maxOverflows) {
        return new LiveStreams.Properties(
                maxStreams,
                20,
                writeTimeout,
                maxOverflows,
                Duration.ofHours(1),
                Duration.ofHours(1),
                2,
                100,
                Duration.ofSeconds(5),
                Duration.ofHours(1));
    }

    private StatementView statement(String id, long endorsements) {
        StatementView view = StatementView.placeholder(id);
        view.published("Title", "Body", "en", "e".repeat(64), null, null, Instant.parse("2026-11-01T08:00:00Z"), 0);
        for (long i = 0; i < endorsements; i++) {
            view.endorsementAdded(Instant.parse("2026-11-01T09:00:00Z"), i);
        }
        when(statements.find(id)).thenReturn(Optional.of(view));
        return view;
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        if (streams != null) {
            streams.stop();
        }
    }

    private static LiveStreams.Properties checkingForHidesEvery(Duration interval) {
        return new LiveStreams.Properties(
                10,
                20,
                Duration.ofSeconds(5),
                100,
                Duration.ofHours(1),
                Duration.ofHours(1),
                2,
                100,
                Duration.ofSeconds(5),
                interval);
    }

    @Test
    void aHideThisInstanceProjectsIsPushedToEveryOpenStreamWhateverItsStatement() {
        streams = streams(checkingForHidesEvery(Duration.ofHours(1)), false, false);
        streams.open(statement("s1", 1), "10.0.0.1");
        streams.open(statement("s2", 1), "10.0.0.2");
        await().atMost(WAIT).until(() -> emitters.stream().allMatch(e -> e.sent.size() == 1));
        when(hidden.countedButHidden("s1")).thenReturn(1L);
        when(hidden.countedButHidden("s2")).thenReturn(1L);

        streams.onAdvance(new ProjectionAdvanced(List.of(new Events().hidden("shy", 2, Instant.now()))));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(emitters)
                        .allSatisfy(e ->
                                assertThat(e.sent).anySatisfy(c -> assertThat(c).contains("countedButHidden=1"))));
    }

    @Test
    void aVisibilityChangeThisInstanceProjectsIsPushedToItsStatementsStreams() {
        streams = streams(checkingForHidesEvery(Duration.ofHours(1)), false, false);
        streams.open(statement(Events.STATEMENT, 1), "10.0.0.1");
        streams.open(statement("other", 1), "10.0.0.2");
        await().atMost(WAIT).until(() -> emitters.stream().allMatch(e -> e.sent.size() == 1));
        when(hidden.countedButHidden(Events.STATEMENT)).thenReturn(1L);

        streams.onAdvance(new ProjectionAdvanced(
                List.of(new Events().visibilityChanged("shy", 1, Instant.now(), EndorsementVisibility.COUNTED))));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(emitters.get(0).sent)
                        .anySatisfy(c -> assertThat(c).contains("countedButHidden=1")));
        assertThat(emitters.get(1).sent).hasSize(1);
    }

    @Test
    void aHideAnotherInstanceProjectedReachesTheOpenStreamsWithinTheCheckInterval() {
        streams = streams(checkingForHidesEvery(Duration.ofMillis(50)), false);
        streams.open(statement("s1", 1), "10.0.0.1");
        await().atMost(WAIT).until(() -> !emitters.get(0).sent.isEmpty());
        when(hidden.countedButHidden("s1")).thenReturn(1L);

        when(hidden.hiddenOrganizations()).thenReturn(1L);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(emitters.get(0).sent)
                        .anySatisfy(c -> assertThat(c).contains("countedButHidden=1")));
    }

    @Test
    void aStreamWhoseWriteDoesNotCompleteInTimeIsDroppedWhileTheOthersGetTheirCounts() {
        streams = streams(properties(10, Duration.ofMillis(200), 100), true, false);
        StatementView s = statement("s1", 0);
        streams.open(s, "10.0.0.1");
        streams.open(s, "10.0.0.2");

        await().atMost(WAIT).until(() -> streams.openStreams() == 1);
        statement("s1", 1);
        streams.onChange((Set.of("s1")));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(emitters.get(1).sent)
                        .anySatisfy(e -> assertThat(e).contains("endorsementCount=1")));
    }

    @Test
    void aStreamWhoseCountsKeepBeingReplacedUnsentIsDropped() {
        streams = streams(properties(10, Duration.ofHours(1), 3), true);
        StatementView s = statement("s2", 0);
        streams.open(s, "10.0.0.1");

        // Each pass of the dispatcher replaces the counts the stuck writer has not sent.
        await().atMost(WAIT).until(() -> {
            streams.onChange((Set.of("s2")));
            return streams.openStreams() == 0;
        });
    }

    @Test
    void theProjectionsThreadReturnsAtOnceWhenEveryClientIsStuck() {
        streams = streams(properties(10, Duration.ofHours(1), 1_000_000), true, true, true);
        StatementView s = statement("s3", 0);
        for (int i = 0; i < 3; i++) {
            streams.open(s, "10.0.0." + i);
        }

        long started = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            streams.onChange((Set.of("s3")));
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void moreClientsThatNeverReadThanThereAreWritersDoNotStopAReadingClientFromGettingItsCounts() {
        boolean[] stuck = new boolean[9];
        java.util.Arrays.fill(stuck, 0, 8, true);
        // Two writers, and no stream dropped in time: eight blocked writes would hold a fixed pool for good.
        streams = streams(properties(20, Duration.ofHours(1), 1_000_000), stuck);
        StatementView s = statement("s6", 0);
        for (int i = 0; i < 9; i++) {
            streams.open(s, "10.0.0." + i);
        }
        statement("s6", 1);
        streams.onChange((Set.of("s6")));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(emitters.get(8).sent)
                        .anySatisfy(e -> assertThat(e).contains("endorsementCount=1")));
    }

    @Test
    void streamsBeyondTheTotalCapAreRefusedWith503() {
        streams = streams(properties(2, Duration.ofHours(1), 100), false, false, false);
        StatementView s = statement("s4", 0);
        streams.open(s, "10.0.0.1");
        streams.open(s, "10.0.0.2");

        assertThatThrownBy(() -> streams.open(s, "10.0.0.3")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.code()).isEqualTo("too-many-streams");
            assertThat(e.retryAfterSeconds()).isEqualTo(5);
        });
        assertThat(streams.openStreams()).isEqualTo(2);
    }

    @Test
    void streamsBeyondThePerAddressCapAreRefusedWith429WhileOtherAddressesConnect() {
        streams = streams(
                new LiveStreams.Properties(
                        10,
                        1,
                        Duration.ofHours(1),
                        100,
                        Duration.ofHours(1),
                        Duration.ofHours(1),
                        2,
                        100,
                        Duration.ofSeconds(5),
                        Duration.ofHours(1)),
                false,
                false,
                false);
        StatementView s = statement("s5", 0);
        streams.open(s, "10.0.0.1");

        assertThatThrownBy(() -> streams.open(s, "10.0.0.1")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(e.code()).isEqualTo("too-many-streams-from-address");
        });
        streams.open(s, "10.0.0.2");
        assertThat(streams.openStreams()).isEqualTo(2);
    }
}
