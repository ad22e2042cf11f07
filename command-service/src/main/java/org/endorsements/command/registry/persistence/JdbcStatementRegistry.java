package org.endorsements.command.registry.persistence;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.endorsements.command.registry.StatementRegistry;
import org.endorsements.events.SignaturePolicy;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(RegistryConfiguration.PROCESSING_GROUP)
class JdbcStatementRegistry implements StatementRegistry {

    private final JdbcClient jdbc;

    JdbcStatementRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Entry> find(StatementId statementId) {
        return jdbc.sql("SELECT content_hash, closed FROM statement_registry WHERE statement_id = ?")
                .param(statementId.value())
                .query((rs, n) -> new Entry(statementId, rs.getString(1), rs.getBoolean(2)))
                .optional();
    }

    @Override
    public boolean requiresSignatures(StatementId statementId) {
        return jdbc.sql("SELECT signatures_required FROM statement_registry WHERE statement_id = ?")
                .param(statementId.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @EventHandler
    void on(StatementPublished event) {
        jdbc.sql("INSERT INTO statement_registry (statement_id, content_hash, closed, signatures_required) "
                        + "VALUES (?, ?, FALSE, ?)")
                .params(
                        event.statementId().value(),
                        event.contentHash(),
                        event.signaturePolicy() == SignaturePolicy.REQUIRED)
                .update();
    }

    @EventHandler
    void on(StatementClosed event) {
        jdbc.sql("UPDATE statement_registry SET closed = TRUE WHERE statement_id = ?")
                .param(event.statementId().value())
                .update();
    }
}
