package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.endorsements.events.OrganizationId;

/** An API key stopped working, because it was rotated or revoked. Private to the command side. */
@Revision("1")
public record CredentialRevoked(
        OrganizationId organizationId, String credentialId, Instant revokedAt, String revokedBy) {}
