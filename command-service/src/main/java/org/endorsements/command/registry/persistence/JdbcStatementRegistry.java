package org.endorsements.command.registry.persistence;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.endorsements.command.registry.StatementRegistry;
import org.endorsements.events.SignaturePolicy;
import org.endorsements.events.StatementAmended;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.events.StatementTranslationAdded;
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

    @Override
    public boolean isTextOf(StatementId statementId, String versionHash, String contentHash) {
        if (versionHash.equals(contentHash)) {
            return true;
        }
        return jdbc.sql("SELECT COUNT(*) FROM statement_text WHERE statement_id = ? AND content_hash = ? "
                                + "AND version_hash = ?")
                        .params(statementId.value(), contentHash, versionHash)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @EventHandler
    void on(StatementTranslationAdded event) {
        jdbc.sql("INSERT INTO statement_text (statement_id, content_hash, version_hash) VALUES (?, ?, ?)")
                .params(event.statementId().value(), event.contentHash(), event.versionContentHash())
                .update();
    }

    @EventHandler
    void on(StatementAmended event) {
        jdbc.sql("UPDATE statement_registry SET content_hash = ? WHERE statement_id = ?")
                .params(event.contentHash(), event.statementId().value())
                .update();
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
