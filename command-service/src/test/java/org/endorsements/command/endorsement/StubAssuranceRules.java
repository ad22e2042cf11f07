package org.endorsements.command.endorsement;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.KeyHistoryCommitment;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.StatementId;

/** The registry's keys, credentials and policies as a plain object. */
final class StubAssuranceRules implements AssuranceRules {

    final Map<SigningKeyId, SigningKey> currentKeys = new HashMap<>();
    final Map<String, AssuranceLevel> credentials = new HashMap<>();
    boolean signaturesRequired;
    /** The organization's key-history commitment the registry answers; null as for an organization it predates. */
    KeyHistoryCommitment keyHistory;

    String contentHash;
    /** The other texts of each version: a text's hash to its version's. */
    final Map<String, String> versionOfText = new HashMap<>();

    StubAssuranceRules(String contentHash) {
        this.contentHash = contentHash;
    }

    @Override
    public Optional<SigningKey> currentSigningKey(OrganizationId organizationId, SigningKeyId keyId) {
        return Optional.ofNullable(currentKeys.get(keyId));
    }

    @Override
    public AssuranceLevel assuranceOfCredential(String credentialId) {
        return credentials.getOrDefault(credentialId, AssuranceLevel.ORGANIZATION_CREDENTIAL);
    }

    @Override
    public boolean requiresSignatures(StatementId statementId) {
        return signaturesRequired;
    }

    @Override
    public boolean isTextOf(StatementId statementId, String versionHash, String hash) {
        return versionHash.equals(hash) || versionHash.equals(versionOfText.get(hash));
    }

    @Override
    public KeyHistoryCommitment keyHistoryOf(OrganizationId organizationId) {
        return keyHistory;
    }

    @Override
    public String contentHashOf(StatementId statementId) {
        if (contentHash == null) {
            throw DomainRuleViolation.notFound("statement-not-found", "no such statement");
        }
        return contentHash;
    }
}
