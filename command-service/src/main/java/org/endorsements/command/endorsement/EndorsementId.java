package org.endorsements.command.endorsement;

import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;

/** One organization's endorsement of one statement: the aggregate's identity, {@code statementId:organizationId}. */
public record EndorsementId(StatementId statementId, OrganizationId organizationId) {

    public static final char SEPARATOR = ':';

    @Override
    public String toString() {
        return statementId.value() + SEPARATOR + organizationId.value();
    }
}
