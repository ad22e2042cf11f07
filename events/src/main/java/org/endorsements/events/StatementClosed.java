package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The statement takes no more endorsements. {@code closedBy} is the admin's audit name, or {@link #DEADLINE_ACTOR}
 * when it closed itself at the closing time of its {@link StatementTargetsSet}.
 */
@Revision("1")
public record StatementClosed(StatementId statementId, Instant closedAt, String closedBy) implements EndorsementEvent {

    /** The actor of a close the command side recorded because the statement's closing time passed. */
    public static final String DEADLINE_ACTOR = "deadline";

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
