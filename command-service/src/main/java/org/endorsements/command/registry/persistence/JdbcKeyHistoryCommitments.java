package org.endorsements.command.registry.persistence;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.endorsements.command.organization.CredentialIssued;
import org.endorsements.command.organization.CredentialRevoked;
import org.endorsements.command.organization.SigningKeyFingerprintPinned;
import org.endorsements.command.registry.KeyHistoryCommitments;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.KeyHistoryCommitment;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.SigningKeyRegistered;
import org.endorsements.events.SigningKeyRevoked;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Extends each organization's key-history chain by every key, pin and credential event in the command's own
 * transaction (the registry's subscribing processor), in the order the organization's aggregate appends them: the
 * chain is over the events' public forms, exactly as the topic carries them, so any verifier recomputes it from the
 * organization's history.
 */
@Component
@ProcessingGroup(RegistryConfiguration.PROCESSING_GROUP)
class JdbcKeyHistoryCommitments implements KeyHistoryCommitments {

    private final JdbcClient jdbc;

    JdbcKeyHistoryCommitments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<KeyHistoryCommitment> of(OrganizationId organizationId) {
        return jdbc.sql("SELECT entries, digest FROM key_history_commitment WHERE organization_id = ?")
                .param(organizationId.value())
                .query((rs, n) -> new KeyHistoryCommitment(rs.getInt(1), rs.getString(2)))
                .optional();
    }

    /** A new organization's chain starts empty; its registration's credential is its first entry. */
    @EventHandler
    void on(OrganizationRegistered event) {
        jdbc.sql("INSERT INTO key_history_commitment (organization_id, entries, digest) VALUES (?, ?, ?)")
                .params(
                        event.organizationId().value(),
                        KeyHistoryCommitment.EMPTY.length(),
                        KeyHistoryCommitment.EMPTY.digest())
                .update();
    }

    @EventHandler
    void on(SigningKeyRegistered event) {
        extend(event.organizationId(), event);
    }

    @EventHandler
    void on(SigningKeyRevoked event) {
        extend(event.organizationId(), event);
    }

    @EventHandler
    void on(SigningKeyFingerprintPinned event) {
        extend(event.organizationId(), event.publicForm());
    }

    @EventHandler
    void on(CredentialIssued event) {
        extend(event.organizationId(), event.publicForm());
    }

    @EventHandler
    void on(CredentialRevoked event) {
        extend(event.organizationId(), event.publicForm());
    }

    /** An organization without a row predates the table: its chain is not known, so it stays without one. */
    private void extend(OrganizationId organizationId, EndorsementEvent entry) {
        of(organizationId).ifPresent(current -> {
            KeyHistoryCommitment next = current.next(entry);
            jdbc.sql("UPDATE key_history_commitment SET entries = ?, digest = ? WHERE organization_id = ?")
                    .params(next.length(), next.digest(), organizationId.value())
                    .update();
        });
    }
}
