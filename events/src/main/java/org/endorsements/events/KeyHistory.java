package org.endorsements.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An organization's signing keys as its events tell them, for verifying signatures offline: a signature counts only
 * when its key was registered at or before the moment the platform recorded it and not revoked by then, and every
 * key is vouched for by its certification (by a key current at its registration, or for the first key by itself)
 * or is an admin recovery.
 */
public final class KeyHistory {

    private record Key(SigningKeyRegistered registration, Instant revokedAt) {}

    private final OrganizationId organizationId;
    private final Map<SigningKeyId, Key> keys = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    public KeyHistory(OrganizationId organizationId) {
        this.organizationId = organizationId;
    }

    /** Applies the organization's key events in their order; anything that does not add up is remembered. */
    public KeyHistory apply(EndorsementEvent event) {
        if (event instanceof SigningKeyRegistered registered
                && registered.organizationId().equals(organizationId)) {
            register(registered);
        } else if (event instanceof SigningKeyRevoked revoked
                && revoked.organizationId().equals(organizationId)) {
            Key key = keys.get(revoked.keyId());
            if (key == null || key.revokedAt() != null) {
                problems.add("key " + revoked.keyId() + " is revoked without being current");
            } else {
                keys.put(revoked.keyId(), new Key(key.registration(), revoked.revokedAt()));
            }
        }
        return this;
    }

    private void register(SigningKeyRegistered registered) {
        if (keys.containsKey(registered.keyId())) {
            problems.add("key " + registered.keyId() + " is registered twice");
            return;
        }
        KeyCertification certification = registered.certification();
        if (certification != null) {
            String signerKey;
            if (certification.signerKeyId().equals(registered.keyId())) {
                signerKey = keys.isEmpty() ? registered.publicKey() : null;
            } else {
                signerKey = keyAt(certification.signerKeyId(), registered.registeredAt())
                        .map(SigningKeyRegistered::publicKey)
                        .orElse(null);
            }
            if (signerKey == null
                    || !certification.verifies(signerKey, organizationId, registered.keyId(), registered.publicKey())) {
                problems.add("key " + registered.keyId() + " is not certified by a key current at its registration");
            }
        } else if (registered.recoveryReason() == null) {
            problems.add("key " + registered.keyId() + " has neither a certification nor a recovery reason");
        }
        keys.put(registered.keyId(), new Key(registered, null));
    }

    /** The key's registration when it was current at that instant. */
    public Optional<SigningKeyRegistered> keyAt(SigningKeyId keyId, Instant at) {
        Key key = keys.get(keyId);
        if (key == null
                || key.registration().registeredAt().isAfter(at)
                || (key.revokedAt() != null && !key.revokedAt().isAfter(at))) {
            return Optional.empty();
        }
        return Optional.of(key.registration());
    }

    /** What does not add up in the key events themselves (broken certifications, revocations of unknown keys). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Why a signed action recorded at {@code recordedAt} does not verify against this history, or empty when it does:
     * its key must be current then and the signature must verify over the documented message.
     */
    public Optional<String> check(
            ActionSignature signature, SignedMessages.Action action, StatementId statementId, Instant recordedAt) {
        Optional<SigningKeyRegistered> key = keyAt(signature.keyId(), recordedAt);
        if (key.isEmpty()) {
            return Optional.of(
                    "key " + signature.keyId() + " was not a current key of " + organizationId + " at " + recordedAt);
        }
        if (!signature.verifies(key.get().publicKey(), action, statementId, organizationId)) {
            return Optional.of("the signature does not verify with key " + signature.keyId());
        }
        return Optional.empty();
    }
}
