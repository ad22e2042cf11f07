package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.OrganizationId;

/** Erases the organization's personal data; {@code reason} is required of an admin, who acts on its request. */
public record EraseOrganizationPersonalDataCommand(
        @TargetAggregateIdentifier OrganizationId organizationId, String reason, Instant at) {}
