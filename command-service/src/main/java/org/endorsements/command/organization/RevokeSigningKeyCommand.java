package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SigningKeyId;

public record RevokeSigningKeyCommand(
        @TargetAggregateIdentifier OrganizationId organizationId, SigningKeyId keyId, String reason, Instant at) {}
