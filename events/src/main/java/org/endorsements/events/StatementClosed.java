package org.endorsements.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record StatementClosed(StatementId statementId, Instant closedAt, String closedBy) implements EndorsementEvent {

    @Override
    public String streamKey() {
        return statementId.value();
    }
}
