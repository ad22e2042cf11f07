package org.endorsements.command.endorsement;

import java.util.Optional;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.KeyHistoryCommitment;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.StatementId;

/**
 * What an endorsement needs to know to decide what vouches for it, answered, like {@link SignatoryRules}, from
 * tables kept in the transaction that appends the events they reflect.
 */
public interface AssuranceRules {

    /** A current signing key: its public half (base64 of 32 bytes) and what its signatures prove. */
    record SigningKey(String publicKey, AssuranceLevel assurance) {}

    /** The organization's key with this id, unless it was never registered or has been revoked. */
    Optional<SigningKey> currentSigningKey(OrganizationId organizationId, SigningKeyId keyId);

    /** What an endorsement made with this API credential proves. */
    AssuranceLevel assuranceOfCredential(String credentialId);

    /** Whether the statement takes only signed endorsements (false for one that does not exist). */
    boolean requiresSignatures(StatementId statementId);

    /** The content hash of a statement's version in force, open or closed, or a rule violation when it does not exist. */
    String contentHashOf(StatementId statementId);

    /** Whether {@code contentHash} is a text of the version {@code versionHash}: its own or a translation's. */
    boolean isTextOf(StatementId statementId, String versionHash, String contentHash);

    /**
     * The organization's key-history commitment as of this transaction, which the event records (and its log leaf
     * commits to), so that a verifier judges its signature and level by exactly the key and credential events it was
     * accepted under; null for an organization registered before the command side kept commitments.
     */
    KeyHistoryCommitment keyHistoryOf(OrganizationId organizationId);
}
