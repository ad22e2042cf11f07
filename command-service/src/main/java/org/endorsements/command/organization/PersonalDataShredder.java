package org.endorsements.command.organization;

import org.endorsements.events.OrganizationId;

/**
 * Destroys what makes an erased organization's personal data readable anywhere it is still stored: with
 * per-organization encryption (issue 20, crypto-shredding) the organization's data key, so that no copy of its
 * events (event store, topic, backups) can be read again. Called once the erasure is recorded, in its
 * transaction; it must be idempotent, as a second erasure request or a retry calls it again.
 */
public interface PersonalDataShredder {

    void shred(OrganizationId organizationId);
}
