package org.endorsements.command.organization;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.endorsements.events.OrganizationId;

/**
 * An API key was issued. Private to the command side: the relay never publishes it, and only the key's SHA-256
 * is kept.
 */
@Revision("1")
public record CredentialIssued(
        OrganizationId organizationId, String credentialId, String keyHash, Instant issuedAt, String issuedBy) {}
