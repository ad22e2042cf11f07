package org.endorsements.query.organization.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.endorsements.events.Caller;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.organization.Organizations;
import org.endorsements.query.projection.consistency.ConsistencyGate;
import org.endorsements.query.shared.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's profile and the statements it endorses. To the public: only its public endorsements, and
 * nothing at all once it is hidden (410, as for a resource that was removed on purpose). The organization itself
 * and auditors see every endorsement with its visibility, hidden or not. An erased organization is hidden, and
 * to those who still see it shown as {@link OrganizationPersonalDataErased#DISPLAY_NAME} with its id only.
 */
@RestController
class OrganizationController {

    private final Organizations organizations;
    private final ConsistencyGate consistency;

    OrganizationController(Organizations organizations, ConsistencyGate consistency) {
        this.organizations = organizations;
        this.consistency = consistency;
    }

    record Endorsing(String statementId, Instant endorsedAt, String visibility) {}

    /**
     * {@code hidden} and {@code erased} are only ever true for the organization itself or an auditor: the public gets
     * a 410.
     */
    record OrganizationProfile(
            String organizationId,
            String handle,
            String name,
            String country,
            String region,
            String kind,
            String website,
            Instant registeredAt,
            boolean hidden,
            boolean erased,
            List<Endorsing> endorsements) {}

    /**
     * Finds an organization by its readable handle (ids of new organizations are opaque), with the same answers as
     * {@code GET /api/organizations/{id}}: a hidden one is 410 to the public; an erased one has no handle (404).
     */
    @GetMapping(value = "/api/organizations", params = "handle")
    CompletableFuture<OrganizationProfile> byHandle(
            @RequestParam String handle,
            @RequestParam(required = false) String minPosition,
            @AuthenticationPrincipal Caller caller) {
        return consistency.read(minPosition, () -> {
            OrganizationView view = organizations
                    .findByHandle(handle)
                    .filter(v -> v.getRegisteredAt() != null)
                    .orElseThrow(() -> ProblemException.notFound("organization"));
            return shown(view, caller);
        });
    }

    @GetMapping("/api/organizations/{organizationId}")
    CompletableFuture<OrganizationProfile> get(
            @PathVariable String organizationId,
            @RequestParam(required = false) String minPosition,
            @AuthenticationPrincipal Caller caller) {
        return consistency.read(minPosition, () -> {
            OrganizationView view = organizations
                    .find(organizationId)
                    .filter(v -> v.getRegisteredAt() != null)
                    .orElseThrow(() -> ProblemException.notFound("organization"));
            return shown(view, caller);
        });
    }

    private static OrganizationProfile shown(OrganizationView view, Caller caller) {
        boolean fullView = caller.isAuditor() || caller.actsFor(view.getId());
        if (view.isHidden() && !fullView) {
            throw new ProblemException(
                    HttpStatus.GONE, "organization-hidden", "This organization is not shown to the public.");
        }
        return profile(view, fullView);
    }

    private static OrganizationProfile profile(OrganizationView view, boolean fullView) {
        List<Endorsing> endorsing = view.getStatements().entrySet().stream()
                .filter(e -> e.getValue().endorsed())
                .filter(e -> fullView || !e.getValue().counted())
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> new Endorsing(
                        e.getKey(),
                        e.getValue().at(),
                        EndorsementVisibility.fromWireName(e.getValue().visibility())
                                .orElse(EndorsementVisibility.DEFAULT)
                                .wireName()))
                .toList();
        return new OrganizationProfile(
                view.getId(),
                view.getHandle(),
                view.isErased() ? OrganizationPersonalDataErased.DISPLAY_NAME : view.getName(),
                view.getCountry(),
                view.getRegion(),
                view.getKind(),
                view.getWebsite(),
                view.getRegisteredAt(),
                view.isHidden(),
                view.isErased(),
                endorsing);
    }
}
