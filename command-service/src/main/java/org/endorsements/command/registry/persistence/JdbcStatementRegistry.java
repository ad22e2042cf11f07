package org.endorsements.command.registry.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.endorsements.command.registry.StatementRegistry;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignaturePolicy;
import org.endorsements.events.StatementAmended;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementGoalReached;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.events.StatementTargetsSet;
import org.endorsements.events.StatementTranslationAdded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(RegistryConfiguration.PROCESSING_GROUP)
class JdbcStatementRegistry implements StatementRegistry {

    /** Bounds the IN list of one query; a bulk job asks about longer lists in slices of this size. */
    private static final int MAX_IN_LIST = 500;

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

    @Override
    public Optional<Targets> targets(StatementId statementId) {
        return jdbc.sql("SELECT signature_goal, closes_at, goal_reached FROM statement_registry WHERE statement_id = ?")
                .param(statementId.value())
                .query((rs, n) -> new Targets(
                        statementId,
                        (Integer) rs.getObject(1, Integer.class),
                        instant(rs.getObject(2, OffsetDateTime.class)),
                        rs.getBoolean(3)))
                .optional();
    }

    @Override
    public List<StatementId> pastClosingTime(Instant now) {
        return jdbc.sql("SELECT statement_id FROM statement_registry WHERE closes_at <= ? AND closed = FALSE")
                .param(time(now))
                .query((rs, n) -> StatementId.of(rs.getString(1)))
                .list();
    }

    @Override
    public List<StatementId> withGoalPending() {
        return jdbc.sql("SELECT statement_id FROM statement_registry "
                        + "WHERE signature_goal IS NOT NULL AND goal_reached = FALSE")
                .query((rs, n) -> StatementId.of(rs.getString(1)))
                .list();
    }

    @Override
    public long countedEndorsements(StatementId statementId) {
        return jdbc.sql("SELECT COUNT(*) FROM endorsement_registry WHERE statement_id = ? AND state = ?")
                .params(statementId.value(), name(EndorsementState.ENDORSED))
                .query(Long.class)
                .single();
    }

    @Override
    public Map<OrganizationId, EndorsementState> endorsementStates(
            StatementId statementId, Collection<OrganizationId> organizations) {
        Map<OrganizationId, EndorsementState> states = new LinkedHashMap<>();
        List<String> ids =
                organizations.stream().map(OrganizationId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += MAX_IN_LIST) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + MAX_IN_LIST));
            jdbc.sql("SELECT organization_id, state FROM endorsement_registry "
                            + "WHERE statement_id = :statement AND organization_id IN (:organizations)")
                    .param("statement", statementId.value())
                    .param("organizations", slice)
                    .query((rs, n) -> Map.entry(
                            OrganizationId.of(rs.getString(1)),
                            EndorsementState.valueOf(rs.getString(2).toUpperCase(Locale.ROOT))))
                    .list()
                    .forEach(e -> states.put(e.getKey(), e.getValue()));
        }
        return states;
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

    /** A changed goal is a goal not reached yet, as the aggregate decides. */
    @EventHandler
    void on(StatementTargetsSet event) {
        jdbc.sql("UPDATE statement_registry SET goal_reached = CASE WHEN signature_goal = ? THEN goal_reached "
                        + "ELSE FALSE END, signature_goal = ?, closes_at = ? WHERE statement_id = ?")
                .params(
                        event.signatureGoal(),
                        event.signatureGoal(),
                        event.closesAt() == null ? null : time(event.closesAt()),
                        event.statementId().value())
                .update();
    }

    @EventHandler
    void on(StatementGoalReached event) {
        jdbc.sql("UPDATE statement_registry SET goal_reached = TRUE WHERE statement_id = ?")
                .param(event.statementId().value())
                .update();
    }

    @EventHandler
    void on(EndorsementAdded event) {
        state(event.statementId(), event.organizationId(), EndorsementState.ENDORSED);
    }

    @EventHandler
    void on(EndorsementWithdrawn event) {
        state(event.statementId(), event.organizationId(), EndorsementState.WITHDRAWN);
    }

    @EventHandler
    void on(EndorsementInvalidated event) {
        state(event.statementId(), event.organizationId(), EndorsementState.INVALIDATED);
    }

    @EventHandler
    void on(EndorsementReinstated event) {
        state(event.statementId(), event.organizationId(), EndorsementState.ENDORSED);
    }

    /**
     * The endorsement aggregate's own sequence already serializes its events, so an update that finds no row is
     * the first event of that endorsement and nobody else inserts it concurrently.
     */
    private void state(StatementId statementId, OrganizationId organizationId, EndorsementState state) {
        int updated = jdbc.sql(
                        "UPDATE endorsement_registry SET state = ? WHERE statement_id = ? AND organization_id = ?")
                .params(name(state), statementId.value(), organizationId.value())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO endorsement_registry (statement_id, organization_id, state) VALUES (?, ?, ?)")
                    .params(statementId.value(), organizationId.value(), name(state))
                    .update();
        }
    }

    private static String name(EndorsementState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
