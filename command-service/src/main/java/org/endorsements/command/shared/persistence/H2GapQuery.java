package org.endorsements.command.shared.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

/**
 * The relay's read of the events after its token and in its token's gaps, for H2. Axon's statement is
 * {@code WHERE (index > ? AND index <= ?) OR index IN (gaps)}: H2 finds no index condition for an OR of a range and
 * an IN list, so it scans the whole events table on every read that has a gap (most reads under load, as commits
 * finish out of order), and the relay's cost per event grows with the store. Two reads of the primary key joined
 * with {@code UNION ALL} give the same rows in the same order. The gap read excludes the range, so that a row is
 * never returned twice even if a gap lay within it (Axon keeps gaps below the token's index, so it never does).
 * PostgreSQL plans Axon's statement as two index scans already and keeps it.
 */
final class H2GapQuery implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(
            Connection connection, EventSchema schema, long globalIndex, int batchSize, List<Long> gaps)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql(schema, gaps.size()));
        int p = 1;
        statement.setLong(p++, globalIndex);
        statement.setLong(p++, globalIndex + batchSize);
        for (Long gap : gaps) {
            statement.setLong(p++, gap);
        }
        statement.setLong(p++, globalIndex);
        statement.setLong(p, globalIndex + batchSize);
        return statement;
    }

    /** Parameters: the range (after, up to), each gap, the range again. */
    static String sql(EventSchema schema, int gaps) {
        String index = schema.globalIndexColumn();
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable();
        return "(" + select + " WHERE " + index + " > ? AND " + index + " <= ?) UNION ALL (" + select + " WHERE "
                + index + " IN (" + String.join(",", Collections.nCopies(gaps, "?")) + ") AND NOT (" + index
                + " > ? AND " + index + " <= ?)) ORDER BY " + index + " ASC";
    }
}
