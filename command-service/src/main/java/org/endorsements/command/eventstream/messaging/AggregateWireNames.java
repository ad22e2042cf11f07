package org.endorsements.command.eventstream.messaging;

import java.util.Map;
import org.endorsements.command.endorsement.Endorsement;
import org.endorsements.command.organization.Organization;
import org.endorsements.command.statement.Statement;
import org.endorsements.events.AggregateType;

/**
 * The documented wire name ({@code ce_aggregatetype}) of each aggregate type the event store records. Written out,
 * not derived from class names: a type without a wire name stops the relay instead of putting an undocumented name
 * on the topic, where no reader could tell what it is and no read could wait for it.
 */
final class AggregateWireNames {

    private static final Map<String, AggregateType> BY_STORED_TYPE = Map.of(
            Statement.TYPE, AggregateType.STATEMENT,
            Organization.TYPE, AggregateType.ORGANIZATION,
            Endorsement.TYPE, AggregateType.ENDORSEMENT);

    private AggregateWireNames() {}

    static AggregateType of(String storedType) {
        AggregateType type = BY_STORED_TYPE.get(storedType);
        if (type == null) {
            throw new IllegalStateException("aggregate type " + storedType + " has no wire name on the topic");
        }
        return type;
    }
}
