package org.endorsements.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The signature that vouches for a new signing key: by one of the organization's current keys, or, for the
 * organization's very first key, by the new key itself (proof that the registrant holds it). Over
 * {@link SignedMessages#keyCertification}.
 *
 * @param signerKeyId the key that signed
 * @param signedAt    when (UTC, whole seconds)
 * @param nonce       the signer's random value
 * @param value       the signature, base64 of 64 bytes
 */
public record KeyCertification(SigningKeyId signerKeyId, Instant signedAt, String nonce, String value) {

    public KeyCertification {
        Objects.requireNonNull(signerKeyId, "signerKeyId");
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

    public byte[] message(OrganizationId organizationId, SigningKeyId keyId, String publicKey) {
        return SignedMessages.keyCertification(organizationId, keyId, publicKey, signerKeyId, signedAt, nonce);
    }

    /** Whether this certification of that key verifies with the signer's public key. */
    public boolean verifies(
            String signerPublicKey, OrganizationId organizationId, SigningKeyId keyId, String publicKey) {
        return Ed25519.verify(signerPublicKey, message(organizationId, keyId, publicKey), value);
    }
}
