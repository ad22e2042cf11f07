package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The statement's counted endorsements reached its signature goal: recorded once per goal, by the command side,
 * right after the endorsement that reached it. {@code count} is the count the command side saw then.
 */
@Revision("1")
public record StatementGoalReached(StatementId statementId, int signatureGoal, long count, Instant reachedAt)
        implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
