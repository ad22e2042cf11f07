package org.endorsements.command.registry;

import java.util.Optional;
import org.endorsements.command.endorsement.AssuranceRules;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.KeyHistoryCommitment;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.StatementId;
import org.springframework.stereotype.Component;

/** An endorsement's questions about keys, credentials and signature policies, answered from the registries. */
@Component
class RegistryAssuranceRules implements AssuranceRules {

    private final StatementRegistry statements;
    private final OrganizationRegistry organizations;
    private final KeyHistoryCommitments keyHistories;

    RegistryAssuranceRules(
            StatementRegistry statements, OrganizationRegistry organizations, KeyHistoryCommitments keyHistories) {
        this.statements = statements;
        this.organizations = organizations;
        this.keyHistories = keyHistories;
    }

    @Override
    public KeyHistoryCommitment keyHistoryOf(OrganizationId organizationId) {
        return keyHistories.of(organizationId).orElse(null);
    }

    @Override
    public Optional<SigningKey> currentSigningKey(OrganizationId organizationId, SigningKeyId keyId) {
        return organizations
                .currentSigningKey(organizationId, keyId)
                .map(key -> new SigningKey(key.publicKey(), key.assurance()));
    }

    /** A credential the registry does not know proves the least a credential can. */
    @Override
    public AssuranceLevel assuranceOfCredential(String credentialId) {
        return organizations.credentialAssurance(credentialId).orElse(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL);
    }

    @Override
    public boolean requiresSignatures(StatementId statementId) {
        return statements.requiresSignatures(statementId);
    }

    @Override
    public boolean isTextOf(StatementId statementId, String versionHash, String contentHash) {
        return statements.isTextOf(statementId, versionHash, contentHash);
    }

    @Override
    public String contentHashOf(StatementId statementId) {
        return statements
                .find(statementId)
                .orElseThrow(() -> DomainRuleViolation.notFound("statement-not-found", "no such statement"))
                .contentHash();
    }
}
