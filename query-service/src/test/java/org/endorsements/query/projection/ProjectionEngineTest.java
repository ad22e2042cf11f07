package org.endorsements.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.endorsements.query.support.Events;
import org.junit.jupiter.api.Test;

/** The engine alone, with projections that record what they are handed and a store held in maps. */
class ProjectionEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:15:00Z");
    private static final Generation G = new Generation(1);

    private final Events events = new Events();
    private final MapStore store = new MapStore();
    private final List<String> writes = new ArrayList<>();
    private final Recording first = new Recording("first");
    private final Recording second = new Recording("second");
    private final ProjectionEngine engine = new ProjectionEngine(store, List.of(first, second));

    @Test
    void everyProjectionIsHandedTheEventsNewToTheirAggregateInTopicOrder() {
        ProjectedEvent published = events.published(T0);
        ProjectedEvent added = events.added("provea", 0, T0);

        engine.project(List.of(published, added), G);

        assertThat(first.handed).containsExactly(published, added);
        assertThat(second.handed).containsExactly(published, added);
    }

    @Test
    void aRecordDeliveredAgainIsHandedToNoProjection() {
        ProjectedEvent added = events.added("provea", 0, T0);
        engine.project(List.of(added), G);

        ProjectionOutcome again = engine.project(List.of(added), G);

        assertThat(again.applied()).isEmpty();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(first.handed).containsExactly(added);
    }

    @Test
    void anEventPublishedTwiceInOneBatchIsHandedOnce() {
        ProjectedEvent added = events.added("provea", 0, T0);

        ProjectionOutcome outcome = engine.project(List.of(added, events.republished(added)), G);

        assertThat(outcome.applied()).containsExactly(added);
        assertThat(first.handed).containsExactly(added);
    }

    @Test
    void theSameSequenceOfAnotherAggregateIsNew() {
        engine.project(List.of(events.added("provea", 0, T0)), G);

        ProjectionOutcome outcome =
                engine.project(List.of(events.added("codhez", 0, T0), events.registered("provea", T0)), G);

        assertThat(outcome.applied()).hasSize(2);
    }

    @Test
    void aProjectionDeclaredToWriteLastWritesAfterTheOthersWhereverItIsListed() {
        Recording keys = new Recording("position-keys") {
            @Override
            public int writeOrder() {
                return POSITION_KEYS;
            }
        };
        ProjectionEngine listedFirst = new ProjectionEngine(store, List.of(keys, first, second));

        listedFirst.project(List.of(events.added("provea", 0, T0)), G);

        assertThat(writes).containsExactly("first", "second", "position-keys", "engine");
    }

    @Test
    void theEnginesPositionsAreWrittenAfterEveryProjectionWrote() {
        ProjectedEvent added = events.added("provea", 0, T0);

        engine.project(List.of(added), G);

        assertThat(writes).containsExactly("first", "second", "engine");
        assertThat(store.positions(G)).containsEntry(Events.PARTITION, added.offset() + 1);
    }

    @Test
    void aProjectionThatFailsLeavesThePositionsAsTheyWereSoTheBatchIsDeliveredAgain() {
        ProjectedEvent added = events.added("provea", 0, T0);
        second.failNext = true;

        assertThatThrownBy(() -> engine.project(List.of(added), G)).isInstanceOf(IllegalStateException.class);
        assertThat(store.positions(G)).isEmpty();

        engine.project(List.of(added), G);
        assertThat(second.handed).containsExactly(added);
        assertThat(store.positions(G)).containsEntry(Events.PARTITION, added.offset() + 1);
    }

    @Test
    void aBatchOfDuplicatesStillMovesThePositionOn() {
        ProjectedEvent added = events.added("provea", 0, T0);
        engine.project(List.of(added), G);
        ProjectedEvent republished = events.republished(added);

        engine.project(List.of(republished), G);

        assertThat(store.positions(G)).containsEntry(Events.PARTITION, republished.offset() + 1);
        assertThat(first.handed).containsExactly(added);
    }

    @Test
    void theCollectionsOfAGenerationAreTheEnginesAndEveryProjectionsWithItsSuffix() {
        assertThat(engine.collections(new Generation(7)))
                .containsExactly("positions_g7", "aggregates_g7", "first_g7", "second_g7");
    }

    private class Recording implements BatchProjection {

        private final String name;
        final List<ProjectedEvent> handed = new ArrayList<>();
        boolean failNext;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<String> collections() {
            return List.of(name);
        }

        @Override
        public void project(List<ProjectedEvent> batch, Generation generation) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("simulated failure of " + name);
            }
            handed.addAll(batch);
            writes.add(name);
        }
    }

    private final class MapStore implements EngineStore {

        private final Map<String, Long> sequences = new HashMap<>();
        private final Map<Integer, Long> positions = new HashMap<>();

        @Override
        public List<String> collections() {
            return List.of("positions", "aggregates");
        }

        @Override
        public Map<String, Long> sequences(Generation generation, Set<String> aggregateKeys) {
            Map<String, Long> found = new HashMap<>(sequences);
            found.keySet().retainAll(aggregateKeys);
            return found;
        }

        @Override
        public void write(Generation generation, Map<String, Long> advanced, Map<Integer, Long> nextOffsets) {
            writes.add("engine");
            sequences.putAll(advanced);
            positions.putAll(nextOffsets);
        }

        @Override
        public Map<Integer, Long> positions(Generation generation) {
            return Map.copyOf(positions);
        }

        @Override
        public Optional<Map<Integer, Long>> positionsIfIntact(Generation generation) {
            return Optional.of(positions(generation));
        }

        @Override
        public void reset(Generation generation, Collection<String> collections) {
            sequences.clear();
            positions.clear();
        }

        @Override
        public void mark(Generation generation) {}
    }
}
