package org.endorsements.query.endorsement.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.organization.persistence.OrganizationQueries;
import org.endorsements.query.shared.web.ProblemException;
import org.endorsements.query.statement.persistence.StatementQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Current signatories by country and region, where the organizations' profiles say. */
@RestController
class BreakdownController {

    private final EndorsementQueries endorsements;
    private final OrganizationQueries organizations;
    private final StatementQueries statements;

    BreakdownController(EndorsementQueries endorsements, OrganizationQueries organizations,
            StatementQueries statements) {
        this.endorsements = endorsements;
        this.organizations = organizations;
        this.statements = statements;
    }

    /** {@code country} and {@code region} are null for "not known". */
    record Place(String country, String region, long signatories) {
    }

    record Group(String country, String region) {
    }

    @GetMapping("/api/statements/{statementId}/breakdown")
    List<Place> breakdown(@PathVariable String statementId) {
        statements.find(statementId).orElseThrow(() -> ProblemException.notFound("statement"));
        List<EndorsementView> current = endorsements.allCurrentSignatories(statementId);
        Map<String, OrganizationView> profiles = organizations.byIds(
                current.stream().map(EndorsementView::getOrganizationId).toList());
        Map<Group, Long> counts = current.stream().map(e -> profiles.get(e.getOrganizationId()))
                .map(p -> p == null ? new Group(null, null) : new Group(p.getCountry(), p.getRegion()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> new Place(e.getKey().country(), e.getKey().region(), e.getValue()))
                .sorted(Comparator.comparingLong(Place::signatories).reversed()
                        .thenComparing(p -> Objects.toString(p.country(), "~"))
                        .thenComparing(p -> Objects.toString(p.region(), "~")))
                .toList();
    }
}
