package org.endorsements.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.query.endorsement.Audience;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.SignatoryAt;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.statement.StatementDocument;
import org.endorsements.query.support.Events;
import org.endorsements.query.support.ProjectionFixture;

/**
 * Random histories of endorsements, withdrawals, visibility changes, hides and erasures, projected in random
 * batches with re-deliveries and with the organizations' partition read at a random point ahead of or behind the
 * statement's: no public view (the current list, search, the files and documents' signatories, every {@code asOf}
 * list) names an organization that is hidden, erased or whose endorsement is counted now; no view at all, the
 * auditors' lists and audit trail included, names an erased one; and every count equals the model's.
 */
class VisibilityProperties {

    private static final ProjectionFixture STORE = new ProjectionFixture(Clock.systemUTC(), false);

    @AfterContainer
    static void stopServer() {
        STORE.close();
    }

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final int ORGANIZATIONS = 5;

    enum Action {
        TOGGLE,
        TOGGLE_COUNTED,
        MAKE_COUNTED,
        MAKE_PUBLIC,
        HIDE,
        ERASE
    }

    record Step(int organization, Action action, int secondsLater) {}

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, ORGANIZATIONS - 1),
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(5, Arbitraries.just(Action.TOGGLE)),
                                net.jqwik.api.Tuple.of(2, Arbitraries.just(Action.TOGGLE_COUNTED)),
                                net.jqwik.api.Tuple.of(2, Arbitraries.just(Action.MAKE_COUNTED)),
                                net.jqwik.api.Tuple.of(2, Arbitraries.just(Action.MAKE_PUBLIC)),
                                net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.HIDE)),
                                net.jqwik.api.Tuple.of(1, Arbitraries.just(Action.ERASE))),
                        Arbitraries.integers().between(1, 4000))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(50);
    }

    /** The model: per organization, whether it endorses, its endorsement's visibility, whether it is hidden. */
    private static final class Model {
        final Set<Integer> endorsed = new HashSet<>();
        final Map<Integer, EndorsementVisibility> visibility = new HashMap<>();
        final Set<Integer> hidden = new HashSet<>();
        final Set<Integer> erased = new HashSet<>();

        Set<String> named() {
            return endorsed.stream()
                    .filter(i -> !hidden.contains(i) && visibility.get(i) == EndorsementVisibility.PUBLIC)
                    .map(VisibilityProperties::name)
                    .collect(Collectors.toSet());
        }
    }

    static String name(int organization) {
        return "org-" + organization;
    }

    @Property(tries = 150)
    void publicViewsNeverNameAHiddenOrErasedOrganizationNoViewNamesAnErasedOneAndCountsMatchTheModel(
            @ForAll("histories") List<Step> steps,
            @ForAll @IntRange(min = 1, max = 7) int batchSize,
            @ForAll @IntRange(min = 0, max = 2) int redeliveries,
            @ForAll long seed) {
        Events events = new Events();
        List<ProjectedEvent> statementPartition = new ArrayList<>();
        List<ProjectedEvent> organizationPartition = new ArrayList<>();
        statementPartition.add(events.published(START));
        for (int i = 0; i < ORGANIZATIONS; i++) {
            organizationPartition.add(events.registered(name(i), START));
        }
        Map<Integer, Long> sequence = new HashMap<>();
        // sequence 1 is the private CredentialIssued: organizations' sequences have holes
        Map<Integer, Long> organizationSequence = new HashMap<>();
        Model model = new Model();
        TreeMap<Instant, Set<String>> inForce = new TreeMap<>();
        Instant now = START;
        for (Step step : steps) {
            now = now.plusSeconds(step.secondsLater());
            int org = step.organization();
            String id = name(org);
            boolean hidden = model.hidden.contains(org);
            boolean erased = model.erased.contains(org);
            switch (step.action()) {
                case TOGGLE, TOGGLE_COUNTED -> {
                    // an erased organization endorses no more (an admin may still withdraw for it)
                    if (erased && !model.endorsed.contains(org)) {
                        break;
                    }
                    long seq = sequence.merge(org, 1L, Long::sum) - 1;
                    if (model.endorsed.remove(org)) {
                        statementPartition.add(events.withdrawn(id, seq, now));
                    } else {
                        // as the command side decides: a hidden organization's endorsements are counted
                        EndorsementVisibility v = hidden || step.action() == Action.TOGGLE_COUNTED
                                ? EndorsementVisibility.COUNTED
                                : EndorsementVisibility.PUBLIC;
                        model.endorsed.add(org);
                        model.visibility.put(org, v);
                        statementPartition.add(events.addedAs(id, seq, now, v));
                    }
                }
                case MAKE_COUNTED, MAKE_PUBLIC -> {
                    EndorsementVisibility v = step.action() == Action.MAKE_COUNTED
                            ? EndorsementVisibility.COUNTED
                            : EndorsementVisibility.PUBLIC;
                    boolean refused = erased
                            || !model.endorsed.contains(org)
                            || model.visibility.get(org) == v
                            || (hidden && v == EndorsementVisibility.PUBLIC);
                    if (!refused) {
                        long seq = sequence.merge(org, 1L, Long::sum) - 1;
                        model.visibility.put(org, v);
                        statementPartition.add(events.visibilityChanged(id, seq, now, v));
                    }
                }
                case HIDE -> {
                    if (model.hidden.add(org)) {
                        organizationPartition.add(
                                events.hidden(id, organizationSequence.merge(org, 1L, Long::sum) + 1, now));
                    }
                }
                case ERASE -> {
                    if (model.erased.add(org)) {
                        model.hidden.add(org);
                        organizationPartition.add(
                                events.erased(id, organizationSequence.merge(org, 1L, Long::sum) + 1, now));
                    }
                }
            }
            inForce.put(
                    now, model.endorsed.stream().map(VisibilityProperties::name).collect(Collectors.toSet()));
        }

        List<ProjectedEvent> topic = interleave(statementPartition, organizationPartition, new Random(seed));
        ProjectionFixture store = STORE;
        store.nextGeneration();
        for (int i = 0; i < topic.size(); i += batchSize) {
            List<ProjectedEvent> batch = topic.subList(i, Math.min(topic.size(), i + batchSize));
            store.project(batch);
            for (int r = 0; r < redeliveries && i % 2 == 0; r++) {
                store.project(batch);
            }
        }

        EndorsementQueries queries = store.endorsementQueries();
        String statement = Events.STATEMENT;
        Set<String> named = model.named();
        Set<String> notNamed = new HashSet<>();
        for (int i = 0; i < ORGANIZATIONS; i++) {
            if (!named.contains(name(i))) {
                notNamed.add(name(i));
            }
        }

        assertThat(store.statement(statement).getCurrentCount()).isEqualTo(model.endorsed.size());
        assertThat(ids(queries.currentSignatories(statement, null, 0, 1000, Audience.PUBLIC)))
                .as("the current public list")
                .isEqualTo(named);
        assertThat(queries.countCurrent(statement, null, Audience.PUBLIC)).isEqualTo(named.size());
        assertThat(queries.countCountedButHidden(statement, Audience.PUBLIC))
                .isEqualTo(model.endorsed.size() - named.size());
        assertThat(ids(queries.currentSignatories(statement, "Org org-", 0, 1000, Audience.PUBLIC)))
                .as("a search")
                .isEqualTo(named);
        assertThat(ids(queries.currentSignatories(statement, null, 0, 1000, Audience.AUDITOR)))
                .as("the auditors' list")
                .hasSize(model.endorsed.size());
        Set<String> erasedNames =
                model.erased.stream().map(i -> "Org " + name(i)).collect(Collectors.toSet());
        assertThat(queries.currentSignatories(statement, null, 0, 1000, Audience.AUDITOR))
                .as("the auditors' list names no erased organization")
                .allSatisfy(v -> assertThat(erasedNames).doesNotContain(v.getOrganizationName()))
                .filteredOn(v -> model.erased.stream().anyMatch(i -> name(i).equals(v.getOrganizationId())))
                .allSatisfy(v -> assertThat(v.getOrganizationName()).isEqualTo("erased organization"));
        assertThat(store.auditEntries())
                .as("the audit trail names no erased organization")
                .filteredOn(e -> e.payload() != null)
                .allSatisfy(e -> assertThat(e.payload().toJson())
                        .satisfies(json ->
                                erasedNames.forEach(n -> assertThat(json).doesNotContain("\"" + n + "\""))));

        List<String> fileNames = new ArrayList<>();
        queries.forEachCurrentSignatory(
                statement, Audience.PUBLIC, 3, page -> page.forEach(v -> fileNames.add(v.getOrganizationName())));
        assertThat(fileNames).as("the files' and the document's signatories").hasSize(named.size());
        assertThat(fileNames).noneMatch(n -> notNamed.stream().anyMatch(h -> n.equals("Org " + h)));
        String document = document(fileNames, model.endorsed.size() - named.size());
        assertThat(document).contains(": " + model.endorsed.size() + " signator");

        for (Map.Entry<Instant, Set<String>> then : inForce.entrySet()) {
            EndorsementQueries.SignatoriesAt publicly = queries.signatoriesAt(statement, then.getKey(), false);
            Set<String> listed =
                    publicly.entries().stream().map(SignatoryAt::organizationId).collect(Collectors.toSet());
            Set<String> stillIn = new HashSet<>(then.getValue());
            stillIn.retainAll(
                    model.endorsed.stream().map(VisibilityProperties::name).toList());
            Set<String> expected = new HashSet<>(stillIn);
            expected.retainAll(named);
            assertThat(listed).as("the public list as of %s", then.getKey()).isEqualTo(expected);
            assertThat(publicly.entries().size() + publicly.withheld() + publicly.countedButHidden())
                    .as("everyone in force as of %s is listed, withheld or counted", then.getKey())
                    .isEqualTo(then.getValue().size());
            assertThat(queries.signatoriesAt(statement, then.getKey(), true).entries())
                    .as("the auditors' list as of %s", then.getKey())
                    .hasSize(then.getValue().size())
                    .allSatisfy(e -> assertThat(erasedNames).doesNotContain(e.name()));
        }
    }

    /** Both partitions in their own order, merged at random: the consumer may read either ahead of the other. */
    private static List<ProjectedEvent> interleave(List<ProjectedEvent> a, List<ProjectedEvent> b, Random random) {
        List<Boolean> fromA = new ArrayList<>();
        a.forEach(e -> fromA.add(true));
        b.forEach(e -> fromA.add(false));
        Collections.shuffle(fromA, random);
        List<ProjectedEvent> merged = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (boolean takeA : fromA) {
            merged.add(takeA ? a.get(i++) : b.get(j++));
        }
        return merged;
    }

    private static Set<String> ids(List<EndorsementView> views) {
        return views.stream().map(EndorsementView::getOrganizationId).collect(Collectors.toSet());
    }

    private static String document(List<String> names, long countedButHidden) {
        StringWriter out = new StringWriter();
        StatementDocument.Writer writer = new StatementDocument.Writer(out, StatementDocument.Format.PLAIN);
        try {
            writer.opening("T", "B", null);
            for (String n : names) {
                writer.signatory(n, "organization-credential");
            }
            writer.closing(null, START, 0, countedButHidden);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
