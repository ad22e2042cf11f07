package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.OrganizationId;

/** The whole profile as it is to be: a field left null is not given (and clears what was there). */
public record UpdateOrganizationProfileCommand(
        @TargetAggregateIdentifier OrganizationId organizationId,
        String country,
        String region,
        String kind,
        String website,
        Instant at) {}
