package org.endorsements.query.endorsement.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.organization.OrganizationChanges;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.organization.Organizations;
import org.endorsements.query.shared.cache.ResultCache;
import org.endorsements.query.shared.web.ExpensiveReads;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.statement.Statements;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Current signatories by country and region, or by kind ({@code ?by=kind}), where the organizations' profiles say,
 * and by assurance level (what vouches for each endorsement, events/TOPIC.md).
 */
@RestController
class BreakdownController {

    private final EndorsementQueries endorsements;
    private final Organizations organizations;
    private final Statements statements;
    private final ResultCache cache;
    private final OrganizationChanges organizationChanges;
    private final ExpensiveReads expensive;

    BreakdownController(
            EndorsementQueries endorsements,
            Organizations organizations,
            Statements statements,
            ResultCache cache,
            OrganizationChanges organizationChanges,
            ExpensiveReads expensive) {
        this.organizationChanges = organizationChanges;
        this.endorsements = endorsements;
        this.organizations = organizations;
        this.statements = statements;
        this.cache = cache;
        this.expensive = expensive;
    }

    /** {@code country} and {@code region} are null for "not known". */
    record Place(String country, String region, long signatories) {}

    record Group(String country, String region) {}

    /** A statement's breakdown at one position of its view and of the organizations'. */
    record Breakdown(List<Place> places) implements ResultCache.Sized {

        @Override
        public long estimatedBytes() {
            return 64 + 96L * places.size();
        }
    }

    @GetMapping(path = "/api/statements/{statementId}/breakdown", params = "!by")
    List<Place> breakdown(@PathVariable String statementId) {
        StatementView statement =
                statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
        // Profiles (country, region) travel on the organizations' partitions, not the statement's.
        // The hidden organizations as the views have them now: a hide may be projected by another instance.
        ResultCache.Key key = new ResultCache.Key(
                "breakdown",
                statementId,
                statements.position(statement),
                List.of(organizationChanges.version(), organizations.hiddenIds()));
        return cache.get(key, () -> expensive.call(() -> count(statementId))).places();
    }

    /** {@code kind} is null for "not known". */
    record KindCount(String kind, long signatories) {}

    record KindBreakdown(List<KindCount> kinds) implements ResultCache.Sized {

        @Override
        public long estimatedBytes() {
            return 64 + 96L * kinds.size();
        }
    }

    /** The same signatories as the breakdown by place, grouped by the kind their profiles give. */
    @GetMapping(path = "/api/statements/{statementId}/breakdown", params = "by=kind")
    List<KindCount> byKind(@PathVariable String statementId) {
        StatementView statement =
                statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
        ResultCache.Key key = new ResultCache.Key(
                "breakdown-kind",
                statementId,
                statements.position(statement),
                List.of(organizationChanges.version(), organizations.hiddenIds()));
        return cache.get(key, () -> expensive.call(() -> countByKind(statementId)))
                .kinds();
    }

    /** As {@link #count}: a signatory not named to the public counts where nothing is known. */
    private KindBreakdown countByKind(String statementId) {
        Map<String, Long> counts = new HashMap<>();
        Set<String> hidden = organizations.hiddenIds();
        endorsements.forEachCurrentSignatory(statementId, ExportController.PAGE, page -> {
            Map<String, OrganizationView> profiles = organizations.byIds(
                    page.stream().map(EndorsementView::getOrganizationId).toList());
            page.forEach(e -> {
                OrganizationView profile = e.isCounted() || hidden.contains(e.getOrganizationId())
                        ? null
                        : profiles.get(e.getOrganizationId());
                String kind = profile == null ? null : profile.getKind();
                counts.merge(kind, 1L, Long::sum);
            });
        });
        return new KindBreakdown(counts.entrySet().stream()
                .map(e -> new KindCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(KindCount::signatories)
                        .reversed()
                        .thenComparing(k -> Objects.toString(k.kind(), "~")))
                .toList());
    }

    /** Every assurance level in order from the strongest proof, with how many current signatories it vouches for. */
    record AssuranceCount(String assurance, long signatories) {}

    record AssuranceBreakdown(List<AssuranceCount> levels) implements ResultCache.Sized {

        @Override
        public long estimatedBytes() {
            return 64 + 64L * levels.size();
        }
    }

    @GetMapping("/api/statements/{statementId}/assurance")
    List<AssuranceCount> assurance(@PathVariable String statementId) {
        StatementView statement =
                statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
        ResultCache.Key key = new ResultCache.Key("assurance", statementId, statements.position(statement), List.of());
        return cache.get(key, () -> expensive.call(() -> countByAssurance(statementId)))
                .levels();
    }

    private AssuranceBreakdown countByAssurance(String statementId) {
        Map<String, Long> counts = new HashMap<>();
        endorsements.forEachCurrentSignatory(
                statementId,
                ExportController.PAGE,
                page -> page.forEach(e -> {
                    // Views written before assurance levels existed say nothing; the events then read as documented.
                    String level = AssuranceLevel.recorded(e.getAssurance(), e.getSource())
                            .wireName();
                    counts.merge(level, 1L, Long::sum);
                }));
        return new AssuranceBreakdown(Arrays.stream(AssuranceLevel.values())
                .map(level -> new AssuranceCount(level.wireName(), counts.getOrDefault(level.wireName(), 0L)))
                .toList());
    }

    /**
     * Counted page by page from a cursor: memory grows with the number of places, not of signatories. A signatory
     * not named to the public counts where nothing is known: a place with one signatory would name it.
     */
    private Breakdown count(String statementId) {
        Map<Group, Long> counts = new HashMap<>();
        Set<String> hidden = organizations.hiddenIds();
        endorsements.forEachCurrentSignatory(statementId, ExportController.PAGE, page -> {
            Map<String, OrganizationView> profiles = organizations.byIds(
                    page.stream().map(EndorsementView::getOrganizationId).toList());
            page.stream()
                    .map(e -> e.isCounted() || hidden.contains(e.getOrganizationId())
                            ? null
                            : profiles.get(e.getOrganizationId()))
                    .map(p -> p == null ? new Group(null, null) : new Group(p.getCountry(), p.getRegion()))
                    .forEach(group -> counts.merge(group, 1L, Long::sum));
        });
        return new Breakdown(counts.entrySet().stream()
                .map(e -> new Place(e.getKey().country(), e.getKey().region(), e.getValue()))
                .sorted(Comparator.comparingLong(Place::signatories)
                        .reversed()
                        .thenComparing(p -> Objects.toString(p.country(), "~"))
                        .thenComparing(p -> Objects.toString(p.region(), "~")))
                .toList());
    }
}
