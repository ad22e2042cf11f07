package org.endorsements.command.endorsement;

import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;

/**
 * What an endorsement needs to know about other aggregates, answered from tables kept in the same transaction as
 * the event store (see {@code persistence}), so that endorsing never loads or locks the statement.
 */
public interface SignatoryRules {

    /** The content hash of an open statement's version in force, or a rule violation when it does not exist or is closed. */
    String contentHashOfOpenStatement(StatementId statementId);

    /** The current name of an active organization, or a rule violation when it does not exist or is suspended. */
    String nameOfActiveOrganization(OrganizationId organizationId);

    /** Whether the organization asked to be hidden: then none of its endorsements may be public. */
    boolean isHidden(OrganizationId organizationId);
}
