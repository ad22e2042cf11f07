package org.endorsements.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.endorsement.SignatoryHistory;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.support.Events;
import org.endorsements.query.support.ProjectionFixture;

/**
 * Random endorse / withdraw / re-endorse histories, projected in random batches with random re-deliveries, against
 * a model that is just a set per instant: counts and {@code asOf} answers must agree with it. The views' projections
 * run behind the engine on one embedded server, each try in a generation of its own.
 */
class SignatoryHistoryProperties {

    private static final ProjectionFixture STORE = new ProjectionFixture(Clock.systemUTC(), false);

    @AfterContainer
    static void stopServer() {
        STORE.close();
    }

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final int ORGANIZATIONS = 5;

    /** One step: an organization toggles its endorsement after some seconds. */
    record Step(int organization, int secondsLater) {}

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, ORGANIZATIONS - 1),
                        Arbitraries.integers().between(1, 4000))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void countsAndAsOfAnswersMatchTheModel(
            @ForAll("histories") List<Step> steps,
            @ForAll @IntRange(min = 1, max = 7) int batchSize,
            @ForAll @IntRange(min = 0, max = 3) int redeliveries) {
        Events events = new Events();
        List<ProjectedEvent> topic = new ArrayList<>();
        topic.add(events.published(START));
        Map<Integer, Long> sequence = new HashMap<>();
        Set<Integer> endorsed = new HashSet<>();
        TreeMap<Instant, Set<String>> model = new TreeMap<>();
        Instant now = START;
        for (Step step : steps) {
            now = now.plusSeconds(step.secondsLater());
            String organization = "org-" + step.organization();
            long seq = sequence.merge(step.organization(), 1L, Long::sum) - 1;
            if (endorsed.remove(step.organization())) {
                topic.add(events.withdrawn(organization, seq, now));
            } else {
                endorsed.add(step.organization());
                topic.add(events.added(organization, seq, now));
            }
            model.put(now, endorsed.stream().map(i -> "org-" + i).collect(Collectors.toSet()));
        }

        ProjectionFixture store = STORE;
        store.nextGeneration();
        for (int i = 0; i < topic.size(); i += batchSize) {
            List<ProjectedEvent> batch = topic.subList(i, Math.min(topic.size(), i + batchSize));
            store.project(batch);
            // the same batch again, as after a consumer restart before its position was stored
            for (int r = 0; r < redeliveries && i % 2 == 0; r++) {
                store.project(batch);
            }
        }

        assertThat(store.statement(Events.STATEMENT).getCurrentCount()).isEqualTo(endorsed.size());
        List<AuditEntry> audit = store.auditEntries();
        assertThat(audit).hasSize(topic.size());
        for (Map.Entry<Instant, Set<String>> expected : model.entrySet()) {
            assertThat(organizations(SignatoryHistory.inForceAt(audit, expected.getKey())))
                    .as("signatories at %s", expected.getKey())
                    .isEqualTo(expected.getValue());
            assertThat(organizations(
                            SignatoryHistory.inForceAt(audit, expected.getKey().minusMillis(1))))
                    .as("signatories just before %s", expected.getKey())
                    .isEqualTo(
                            model.lowerEntry(expected.getKey()) == null
                                    ? Set.of()
                                    : model.lowerEntry(expected.getKey()).getValue());
        }
    }

    private static Set<String> organizations(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::organizationId).collect(Collectors.toSet());
    }
}
