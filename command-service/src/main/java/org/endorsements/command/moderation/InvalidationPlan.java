package org.endorsements.command.moderation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.endorsements.command.registry.StatementRegistry.EndorsementState;
import org.endorsements.events.OrganizationId;

/**
 * What invalidating a list of organizations' endorsements of one statement would change: each entry's current
 * state and whether it would be invalidated, and the statement's counted endorsements before and after.
 */
public record InvalidationPlan(long countedBefore, long countedAfter, List<Step> steps) {

    /** What happens to one organization's endorsement. */
    public enum Outcome {
        /** A counted endorsement: it would be invalidated. */
        INVALIDATE,
        /** Invalidated already: nothing changes. */
        ALREADY_INVALIDATED,
        /** Withdrawn: nothing counts, nothing to invalidate. */
        WITHDRAWN,
        /** The organization never endorsed the statement. */
        NOT_ENDORSED
    }

    public record Step(OrganizationId organizationId, Outcome outcome) {}

    /** A list naming an organization twice plans it once, in the order of its first mention. */
    public static InvalidationPlan of(
            long countedBefore,
            Collection<OrganizationId> organizations,
            Map<OrganizationId, EndorsementState> states) {
        List<Step> steps = new ArrayList<>();
        long invalidated = 0;
        for (OrganizationId id : new LinkedHashSet<>(organizations)) {
            EndorsementState state = states.get(id);
            Outcome outcome = state == null
                    ? Outcome.NOT_ENDORSED
                    : switch (state) {
                        case ENDORSED -> Outcome.INVALIDATE;
                        case INVALIDATED -> Outcome.ALREADY_INVALIDATED;
                        case WITHDRAWN -> Outcome.WITHDRAWN;
                    };
            if (outcome == Outcome.INVALIDATE) {
                invalidated++;
            }
            steps.add(new Step(id, outcome));
        }
        return new InvalidationPlan(countedBefore, countedBefore - invalidated, List.copyOf(steps));
    }

    public List<OrganizationId> toInvalidate() {
        return steps.stream()
                .filter(s -> s.outcome() == Outcome.INVALIDATE)
                .map(Step::organizationId)
                .toList();
    }
}
