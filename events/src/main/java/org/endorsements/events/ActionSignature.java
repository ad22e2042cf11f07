package org.endorsements.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A detached Ed25519 signature over {@link SignedMessages#action} (version 1) or, when it names a
 * {@code visibility}, over {@link SignedMessages#endorsement} (version 2, endorsements only): everything a verifier needs besides the event
 * that carries it (its statement, its organization and whether it endorses or withdraws) and the organization's key
 * history. {@code contentHash} is the hash of the text the signer read; the platform accepts the signature only
 * when it is the statement's current hash.
 *
 * @param keyId       the organization's signing key that signed
 * @param contentHash the content hash the signer read
 * @param signedAt    when the signer says it signed (UTC, whole seconds)
 * @param nonce       the signer's random value, never accepted twice for one endorsement
 * @param value       the signature, base64 of 64 bytes
 * @param visibility  the visibility the signer asked for, which a version 2 message names; null for version 1 (left
 *                    out of the JSON then, so version 1 signatures keep the form they were recorded in)
 */
public record ActionSignature(
        SigningKeyId keyId,
        String contentHash,
        Instant signedAt,
        String nonce,
        String value,
        @JsonInclude(JsonInclude.Include.NON_NULL) EndorsementVisibility visibility) {

    public ActionSignature {
        Objects.requireNonNull(keyId, "keyId");
        if (!SignedMessages.isContentHash(contentHash)) {
            throw new IllegalArgumentException("contentHash must be 64 lower-case hex digits");
        }
        if (signedAt == null || signedAt.getNano() != 0) {
            throw new IllegalArgumentException("signedAt must be whole seconds");
        }
        if (!SignedMessages.isNonce(nonce)) {
            throw new IllegalArgumentException("nonce must be 16-64 characters of A-Z, a-z, 0-9, _ and -");
        }
        if (!Ed25519.isSignature(value)) {
            throw new IllegalArgumentException("value must be the base64 of a 64-byte signature");
        }
    }

    /** A version 1 signature: over a message that names no visibility. */
    public ActionSignature(SigningKeyId keyId, String contentHash, Instant signedAt, String nonce, String value) {
        this(keyId, contentHash, signedAt, nonce, value, null);
    }

    /** 2 when the signed message names the visibility, else 1. */
    public int messageVersion() {
        return visibility == null ? 1 : 2;
    }

    /**
     * The signed bytes, for the action of the event that carries this signature.
     *
     * @throws IllegalArgumentException for a withdrawal that names a visibility: no such message exists
     */
    public byte[] message(SignedMessages.Action action, StatementId statementId, OrganizationId organizationId) {
        if (visibility == null) {
            return SignedMessages.action(action, statementId, contentHash, organizationId, signedAt, nonce);
        }
        if (action != SignedMessages.Action.ENDORSE) {
            throw new IllegalArgumentException("only an endorsement's signed message names a visibility");
        }
        return SignedMessages.endorsement(statementId, contentHash, organizationId, visibility, signedAt, nonce);
    }

    /** Whether this signature verifies with that public key (base64 of its 32 raw bytes). */
    public boolean verifies(
            String publicKey, SignedMessages.Action action, StatementId statementId, OrganizationId organizationId) {
        if (visibility != null && action != SignedMessages.Action.ENDORSE) {
            return false;
        }
        return Ed25519.verify(publicKey, message(action, statementId, organizationId), value);
    }
}
