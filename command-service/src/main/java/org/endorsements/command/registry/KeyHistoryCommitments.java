package org.endorsements.command.registry;

import java.util.Optional;
import org.endorsements.events.KeyHistoryCommitment;
import org.endorsements.events.OrganizationId;

/**
 * Each organization's key-history commitment as of the current transaction, kept like the other registry tables in
 * the transaction that appends the events it covers.
 */
public interface KeyHistoryCommitments {

    /** Empty for an unknown organization, and for one registered before the command side kept commitments. */
    Optional<KeyHistoryCommitment> of(OrganizationId organizationId);
}
