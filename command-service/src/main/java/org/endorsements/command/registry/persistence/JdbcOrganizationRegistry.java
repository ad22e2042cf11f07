package org.endorsements.command.registry.persistence;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.endorsements.command.organization.CredentialIssued;
import org.endorsements.command.organization.CredentialRevoked;
import org.endorsements.command.personaldata.DataKeyStore;
import org.endorsements.command.registry.OrganizationRegistry;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.OrganizationHidden;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.OrganizationSuspended;
import org.endorsements.events.Sealed;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.SigningKeyRegistered;
import org.endorsements.events.SigningKeyRevoked;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(RegistryConfiguration.PROCESSING_GROUP)
class JdbcOrganizationRegistry implements OrganizationRegistry {

    /** Where the sealed name is bound to (Sealed.aad): this table, not an event. */
    private static final String SEALED_AS = "OrganizationRegistry";

    private final JdbcClient jdbc;
    private final DataKeyStore keys;

    JdbcOrganizationRegistry(JdbcClient jdbc, DataKeyStore keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** The name is kept sealed like the events' (issue 20); null once the organization's key is destroyed. */
    private String openName(OrganizationId organizationId, String sealed) {
        if (sealed == null) {
            return null;
        }
        return keys.find(organizationId)
                .map(key -> Sealed.of(sealed).open(key, Sealed.aad(organizationId, SEALED_AS, "name")))
                .orElse(null);
    }

    @Override
    public Optional<Entry> find(OrganizationId organizationId) {
        return jdbc.sql("SELECT name, suspended FROM organization_registry WHERE organization_id = ?")
                .param(organizationId.value())
                .query((rs, n) -> new Entry(organizationId, rs.getString(1), rs.getBoolean(2)))
                .optional()
                .map(entry -> new Entry(organizationId, openName(organizationId, entry.name()), entry.suspended()));
    }

    @Override
    public boolean isHidden(OrganizationId organizationId) {
        return jdbc.sql("SELECT hidden FROM organization_registry WHERE organization_id = ?")
                .param(organizationId.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Override
    public boolean isErased(OrganizationId organizationId) {
        return jdbc.sql("SELECT erased FROM organization_registry WHERE organization_id = ?")
                .param(organizationId.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Override
    public boolean isHandleTaken(String handle) {
        // Handles are kept as keyed digests; one recorded before handles existed is its organization's id.
        return jdbc.sql("SELECT COUNT(*) FROM organization_registry WHERE handle = ? OR organization_id = ?")
                        .params(keys.handleDigest(handle), handle)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** An erased organization's keys stop working at once, as a suspended one's do. */
    @Override
    public Optional<Credential> activeCredential(String keyHash) {
        return jdbc.sql("SELECT c.organization_id, c.credential_id, c.key_hash FROM credential c "
                        + "JOIN organization_registry o ON o.organization_id = c.organization_id "
                        + "WHERE c.key_hash = ? AND c.revoked = FALSE AND o.suspended = FALSE AND o.erased = FALSE")
                .param(keyHash)
                .query((rs, n) -> new Credential(OrganizationId.of(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .optional();
    }

    @Override
    public Optional<SigningKey> currentSigningKey(OrganizationId organizationId, SigningKeyId keyId) {
        return jdbc.sql("SELECT public_key, assurance FROM signing_key "
                        + "WHERE organization_id = ? AND key_id = ? AND revoked = FALSE")
                .params(organizationId.value(), keyId.value())
                .query((rs, n) -> new SigningKey(
                        organizationId, keyId, rs.getString(1), AssuranceLevel.fromWire(rs.getString(2))))
                .optional();
    }

    @Override
    public Optional<AssuranceLevel> credentialAssurance(String credentialId) {
        return jdbc.sql("SELECT assurance FROM credential WHERE credential_id = ?")
                .param(credentialId)
                .query((rs, n) -> AssuranceLevel.fromWire(rs.getString(1)))
                .optional();
    }

    @EventHandler
    void on(SigningKeyRegistered event) {
        jdbc.sql("INSERT INTO signing_key (organization_id, key_id, public_key, assurance, revoked) "
                        + "VALUES (?, ?, ?, ?, FALSE)")
                .params(
                        event.organizationId().value(),
                        event.keyId().value(),
                        event.publicKey(),
                        event.assurance().wireName())
                .update();
    }

    @EventHandler
    void on(SigningKeyRevoked event) {
        jdbc.sql("UPDATE signing_key SET revoked = TRUE WHERE organization_id = ? AND key_id = ?")
                .params(event.organizationId().value(), event.keyId().value())
                .update();
    }

    /**
     * The handle's unique index is what keeps it unique across instances: a second registration of a handle that
     * raced past the controller's check fails here, in the transaction that would append its event, so nothing is
     * recorded (a 409). Registrations recorded before handles existed hold their id as handle, which was one.
     */
    @EventHandler
    void on(OrganizationRegistered event) {
        jdbc.sql("INSERT INTO organization_registry (organization_id, name, suspended, handle) VALUES (?, ?, FALSE, ?)")
                .params(
                        event.organizationId().value(),
                        event.name() == null
                                ? null
                                : Sealed.seal(
                                                keys.sealingKey(event.organizationId()),
                                                Sealed.aad(event.organizationId(), SEALED_AS, "name"),
                                                event.name())
                                        .value(),
                        keys.handleDigest(event.handleOrId()))
                .update();
    }

    /**
     * The registry keeps no personal data of an erased organization: its name is blanked (the column predates
     * erasure and is not nullable) and its handle freed. Its credentials stop authenticating (see
     * {@link #activeCredential}).
     */
    @EventHandler
    void on(OrganizationPersonalDataErased event) {
        jdbc.sql("UPDATE organization_registry SET erased = TRUE, hidden = TRUE, name = '', handle = NULL "
                        + "WHERE organization_id = ?")
                .param(event.organizationId().value())
                .update();
    }

    @EventHandler
    void on(OrganizationSuspended event) {
        jdbc.sql("UPDATE organization_registry SET suspended = TRUE WHERE organization_id = ?")
                .param(event.organizationId().value())
                .update();
    }

    @EventHandler
    void on(OrganizationHidden event) {
        jdbc.sql("UPDATE organization_registry SET hidden = TRUE WHERE organization_id = ?")
                .param(event.organizationId().value())
                .update();
    }

    @EventHandler
    void on(CredentialIssued event) {
        jdbc.sql("INSERT INTO credential (key_hash, credential_id, organization_id, revoked, assurance) "
                        + "VALUES (?, ?, ?, FALSE, ?)")
                .params(
                        event.keyHash(),
                        event.credentialId(),
                        event.organizationId().value(),
                        event.assurance().wireName())
                .update();
    }

    @EventHandler
    void on(CredentialRevoked event) {
        jdbc.sql("UPDATE credential SET revoked = TRUE WHERE credential_id = ?")
                .param(event.credentialId())
                .update();
    }
}
