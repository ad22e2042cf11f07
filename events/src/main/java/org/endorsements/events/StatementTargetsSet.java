package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A statement's signature goal and closing time, set at publication or changed later by an admin. Either may be
 * null: no goal, or no deadline. Each event replaces both: the values in force are those of the latest one.
 */
@Revision("1")
public record StatementTargetsSet(
        StatementId statementId, Integer signatureGoal, Instant closesAt, Instant setAt, String setBy)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
