package org.endorsements.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An organization's signing keys and API credentials as its events tell them, for verifying signatures and
 * assurance levels offline: a signature counts only when its key was registered at or before the moment the
 * platform recorded it and not revoked by then, and when it was made within {@link SignedMessages#SIGNING_TIME_WINDOW}
 * of that moment; every key is vouched for by its certification (by a key current at its registration, or for the
 * first key by itself) or is an admin recovery.
 *
 * <p>It also derives the highest assurance level each event can honestly carry ({@link #derive}), from what the
 * events prove rather than from what they say: a recovered key, any key certified through one, and a first key
 * registered with an API key the admin held sign at {@code admin-issued-credential}; an unsigned event proves at
 * most the API key it was made with. The credential events ({@code ApiCredentialIssued}, {@code
 * ApiCredentialRevoked}) bound a first key's level: a first key whose API key the history does not show proves
 * nothing about who held it, so it signs at {@code imported}, the weakest level.
 */
public final class KeyHistory {

    /**
     * @param certifiedBy the key that certified it, resolved when it was registered (null for a first key and a
     *                    recovery), so a chain of certifications always leads to an earlier key
     * @param certified   whether its certification (or its recovery reason) vouches for it
     */
    private record Key(
            SigningKeyRegistered registration, Instant revokedAt, SigningKeyId certifiedBy, boolean certified) {}

    private record Credential(ApiCredentialIssued issue, Instant revokedAt) {}

    /**
     * The highest level an event can honestly carry, and why no higher one.
     *
     * @param level the level
     * @param why   what bounds it, e.g. {@code key k2 is an admin recovery}
     */
    public record Derived(AssuranceLevel level, String why) {

        /**
         * Why a claimed level is more than this one allows, or empty when it is not: a claim may be lower than what
         * can be derived (it proves less), never higher.
         */
        public Optional<String> refute(AssuranceLevel claimed) {
            if (claimed == null || claimed.ordinal() >= level.ordinal()) {
                return Optional.empty();
            }
            return Optional.of("claims " + claimed.wireName() + " but its history proves at most " + level.wireName()
                    + " (" + why + ")");
        }
    }

    private final OrganizationId organizationId;
    private final Map<SigningKeyId, Key> keys = new LinkedHashMap<>();
    private final Map<String, Credential> credentials = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private SigningKeyPinned pin;

    public KeyHistory(OrganizationId organizationId) {
        this.organizationId = organizationId;
    }

    /** Applies the organization's key and credential events in their order; what does not add up is remembered. */
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
                keys.put(
                        revoked.keyId(),
                        new Key(key.registration(), revoked.revokedAt(), key.certifiedBy(), key.certified()));
            }
        } else if (event instanceof SigningKeyPinned pinned
                && pinned.organizationId().equals(organizationId)) {
            pin = pinned;
        } else if (event instanceof ApiCredentialIssued issued
                && issued.organizationId().equals(organizationId)) {
            credentials.put(issued.credentialId(), new Credential(issued, null));
        } else if (event instanceof ApiCredentialRevoked revoked
                && revoked.organizationId().equals(organizationId)) {
            Credential credential = credentials.get(revoked.credentialId());
            if (credential != null) {
                credentials.put(revoked.credentialId(), new Credential(credential.issue(), revoked.revokedAt()));
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
        SigningKeyId certifiedBy = null;
        boolean certified = true;
        if (certification != null) {
            String signerKey;
            if (certification.signerKeyId().equals(registered.keyId())) {
                signerKey = keys.isEmpty() ? registered.publicKey() : null;
            } else {
                certifiedBy = certification.signerKeyId();
                signerKey = keyAt(certification.signerKeyId(), registered.registeredAt())
                        .map(SigningKeyRegistered::publicKey)
                        .orElse(null);
            }
            if (signerKey == null
                    || !certification.verifies(signerKey, organizationId, registered.keyId(), registered.publicKey())) {
                problems.add("key " + registered.keyId() + " is not certified by a key current at its registration");
                certified = false;
            } else if (!SignedMessages.withinWindow(certification.signedAt(), registered.registeredAt())) {
                problems.add("key " + registered.keyId() + " was certified at " + certification.signedAt()
                        + ", more than " + SignedMessages.SIGNING_TIME_WINDOW.toMinutes()
                        + " minutes from its registration at " + registered.registeredAt());
                certified = false;
            }
        } else if (registered.recoveryReason() == null) {
            problems.add("key " + registered.keyId() + " has neither a certification nor a recovery reason");
            certified = false;
        }
        keys.put(registered.keyId(), new Key(registered, null, certifiedBy, certified));
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

    public OrganizationId organizationId() {
        return organizationId;
    }

    /** The latest pin of the organization's first-key fingerprint in this history, the one in force. */
    public Optional<SigningKeyPinned> pin() {
        return Optional.ofNullable(pin);
    }

    /**
     * The first key a key's chain of certifications leads to: the one that certified itself, reached only through
     * keys whose certifications verified. Empty when the chain passes through a recovery (no first key of the
     * organization's own vouches for it) or a key that is not vouched for.
     */
    public Optional<SigningKeyRegistered> firstKey(SigningKeyId keyId) {
        SigningKeyId current = keyId;
        // certifiedBy always names an earlier key, so the walk ends within as many steps as there are keys
        for (int steps = 0; steps <= keys.size(); steps++) {
            Key key = keys.get(current);
            if (key == null || !key.certified() || key.registration().certification() == null) {
                return Optional.empty();
            }
            if (key.certifiedBy() == null) {
                return Optional.of(key.registration());
            }
            current = key.certifiedBy();
        }
        return Optional.empty();
    }

    /** Whether the history holds no key at all: nothing a signature could be checked against. */
    public boolean hasNoKeys() {
        return keys.isEmpty();
    }

    /** What does not add up in the key events themselves (broken certifications, revocations of unknown keys). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Why a signed action recorded at {@code recordedAt} does not verify against this history, or empty when it does:
     * its key must be current then, its signing time within the protocol's window of that moment, and the signature
     * must verify over the documented message.
     */
    public Optional<String> check(
            ActionSignature signature, SignedMessages.Action action, StatementId statementId, Instant recordedAt) {
        Optional<SigningKeyRegistered> key = keyAt(signature.keyId(), recordedAt);
        if (key.isEmpty()) {
            return Optional.of(
                    "key " + signature.keyId() + " was not a current key of " + organizationId + " at " + recordedAt);
        }
        if (!SignedMessages.withinWindowOfRecording(signature.signedAt(), recordedAt)) {
            return Optional.of("it was signed at " + signature.signedAt() + ", more than "
                    + SignedMessages.SIGNING_TIME_WINDOW.toMinutes() + " minutes from its recording at " + recordedAt);
        }
        if (!signature.verifies(key.get().publicKey(), action, statementId, organizationId)) {
            return Optional.of("the signature does not verify with key " + signature.keyId());
        }
        return Optional.empty();
    }

    /**
     * The highest level an endorsement, withdrawal or re-confirmation can honestly carry: for a signed one, its key's
     * ({@link #keyLevel}); for an unsigned one, {@code imported} when an admin recorded it, else at most the level of
     * the API key it was made with ({@code actor} {@code credential:<id>}) when the credential events tell it, else
     * {@code organization-credential}: an unsigned event never proves the organization's key.
     *
     * @param signature  the event's signature, null when unsigned (it must have passed {@link #check})
     * @param actor      the event's actor ({@code admin}, {@code credential:<id>}), null when not known
     * @param imported   whether the event says an admin recorded it (source {@code imported})
     * @param recordedAt when the platform recorded it
     */
    public Derived derive(ActionSignature signature, String actor, boolean imported, Instant recordedAt) {
        if (signature != null) {
            return keyLevel(signature.keyId());
        }
        if (imported || Caller.ADMIN_ACTOR.equals(actor)) {
            return new Derived(AssuranceLevel.IMPORTED, "unsigned, recorded by an admin");
        }
        if (actor != null && actor.startsWith(Caller.CREDENTIAL_ACTOR_PREFIX)) {
            String credentialId = actor.substring(Caller.CREDENTIAL_ACTOR_PREFIX.length());
            Credential credential = credentials.get(credentialId);
            if (credential != null) {
                if (!current(credential, recordedAt)) {
                    return new Derived(
                            AssuranceLevel.IMPORTED,
                            "unsigned, made with API key " + credentialId + ", which was not current at " + recordedAt);
                }
                AssuranceLevel level = credential.issue().assurance() == null
                        ? AssuranceLevel.ORGANIZATION_CREDENTIAL
                        : AssuranceLevel.ORGANIZATION_CREDENTIAL.weakest(
                                credential.issue().assurance());
                return new Derived(
                        level,
                        "unsigned, made with API key " + credentialId + " issued by "
                                + credential.issue().issuedBy());
            }
        }
        return new Derived(AssuranceLevel.ORGANIZATION_CREDENTIAL, "unsigned: no signature by the organization's key");
    }

    /**
     * The highest level a key's signatures can carry. A recovery is the admin's ({@code admin-issued-credential});
     * a key certified by another is no stronger than that one; the first key, certified by itself, is no stronger
     * than the API key that registered it: one an admin issued or handed over (the admin held it) gives
     * {@code admin-issued-credential}. Never more than the level its registration records, nor than anything for a
     * key that is not vouched for ({@code imported}, the weakest).
     */
    public Derived keyLevel(SigningKeyId keyId) {
        Key key = keys.get(keyId);
        if (key == null || !key.certified()) {
            return new Derived(AssuranceLevel.IMPORTED, "key " + keyId + " is not vouched for by the key history");
        }
        SigningKeyRegistered registration = key.registration();
        Derived derived;
        if (registration.adminRecovery()) {
            derived = new Derived(AssuranceLevel.ADMIN_ISSUED_CREDENTIAL, "key " + keyId + " is an admin recovery");
        } else if (key.certifiedBy() != null) {
            Derived signer = keyLevel(key.certifiedBy());
            derived = new Derived(
                    signer.level(), "key " + keyId + " is certified by key " + key.certifiedBy() + ": " + signer.why());
        } else {
            derived = firstKeyLevel(registration);
        }
        AssuranceLevel recorded = registration.assurance();
        if (recorded != null && recorded.ordinal() > derived.level().ordinal()) {
            return new Derived(recorded, "key " + keyId + " is registered as " + recorded.wireName());
        }
        return derived;
    }

    private Derived firstKeyLevel(SigningKeyRegistered registration) {
        String by = registration.registeredBy();
        String keyId = registration.keyId().value();
        // A first key vouches for itself only as far as the API key that registered it does: when the history
        // does not show that API key (or who issued it), nothing tells the organization apart from whoever else
        // could have held one, so the key proves the least any level does, never the most.
        if (by == null || !by.startsWith(Caller.CREDENTIAL_ACTOR_PREFIX)) {
            return new Derived(
                    AssuranceLevel.IMPORTED,
                    "first key " + keyId + " was not registered with an API key of the organization");
        }
        String credentialId = by.substring(Caller.CREDENTIAL_ACTOR_PREFIX.length());
        Credential credential = credentials.get(credentialId);
        if (credential == null) {
            return new Derived(
                    AssuranceLevel.IMPORTED,
                    "first key " + keyId + " was registered with API key " + credentialId
                            + ", which the history does not show");
        }
        if (!current(credential, registration.registeredAt())) {
            return new Derived(
                    AssuranceLevel.IMPORTED,
                    "first key " + keyId + " was registered with API key " + credentialId
                            + ", which was not current then");
        }
        ApiCredentialIssued issue = credential.issue();
        if (Caller.ADMIN_ACTOR.equals(issue.issuedBy())) {
            return new Derived(
                    AssuranceLevel.ADMIN_ISSUED_CREDENTIAL,
                    "first key " + keyId + " was registered with API key " + credentialId
                            + ", which an admin issued or handed over");
        }
        if (issue.assurance() != AssuranceLevel.ORGANIZATION_CREDENTIAL) {
            return new Derived(
                    AssuranceLevel.ADMIN_ISSUED_CREDENTIAL,
                    "first key " + keyId + " was registered with API key " + credentialId + " of level "
                            + (issue.assurance() == null
                                    ? "unknown"
                                    : issue.assurance().wireName()));
        }
        return new Derived(
                AssuranceLevel.ORGANIZATION_KEY,
                "first key " + keyId + ", registered with API key " + credentialId
                        + " the organization rotated itself");
    }

    private static boolean current(Credential credential, Instant at) {
        return !credential.issue().issuedAt().isAfter(at)
                && (credential.revokedAt() == null || credential.revokedAt().isAfter(at));
    }
}
