package org.endorsements.command.statement.persistence;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command side's own table of statements and their status. Updated by a subscribing processor, i.e. in the
 * transaction that appends the event, so it never lags the event store.
 */
@Component
@ProcessingGroup(StatementRegistry.PROCESSING_GROUP)
public class StatementRegistry {

    public static final String PROCESSING_GROUP = "registry";

    public record Entry(StatementId statementId, String contentHash, boolean closed) {
    }

    private final JdbcClient jdbc;

    StatementRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> find(StatementId statementId) {
        return jdbc.sql("SELECT content_hash, closed FROM statement_registry WHERE statement_id = ?")
                .param(statementId.value())
                .query((rs, n) -> new Entry(statementId, rs.getString(1), rs.getBoolean(2)))
                .optional();
    }

    @EventHandler
    void on(StatementPublished event) {
        jdbc.sql("INSERT INTO statement_registry (statement_id, content_hash, closed) VALUES (?, ?, FALSE)")
                .params(event.statementId().value(), event.contentHash())
                .update();
    }

    @EventHandler
    void on(StatementClosed event) {
        jdbc.sql("UPDATE statement_registry SET closed = TRUE WHERE statement_id = ?")
                .param(event.statementId().value())
                .update();
    }
}
