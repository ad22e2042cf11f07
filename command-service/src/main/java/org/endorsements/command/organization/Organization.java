package org.endorsements.command.organization;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.SigningTime;
import org.endorsements.command.shared.TextRules;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Caller;
import org.endorsements.events.Ed25519;
import org.endorsements.events.KeyCertification;
import org.endorsements.events.OrganizationHidden;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.events.OrganizationProfileUpdated;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.OrganizationSuspended;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.SigningKeyRegistered;
import org.endorsements.events.SigningKeyRevoked;

/**
 * An organization that can sign statements, with its single active API credential and the Ed25519 signing keys it
 * holds itself (the platform knows only their public halves).
 */
@Aggregate(type = Organization.TYPE)
public class Organization {

    /** The type the event store records; pinned, so that renaming this class changes no stored or relayed name. */
    public static final String TYPE = "Organization";

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_FIELD_LENGTH = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @AggregateIdentifier
    private OrganizationId organizationId;

    private boolean suspended;
    private boolean hidden;
    private boolean erased;
    private Profile profile;
    private String activeCredentialId;
    private AssuranceLevel activeCredentialAssurance;
    /** Whether the admin issued the active credential (and so held it): at registration, or by a rotation. */
    private boolean activeCredentialFromAdmin;

    private final Map<SigningKeyId, SigningKey> signingKeys = new HashMap<>();
    /** The fingerprint an admin pinned for the first key, as the organization published it; null until pinned. */
    private String pinnedFingerprint;

    /** Where the organization is and what it is, as breakdowns show it. */
    private record Profile(String country, String region, String kind, String website) {}

    /** What the aggregate remembers of each key it ever registered; revoked ids stay taken. */
    private record SigningKey(String publicKey, boolean active, AssuranceLevel assurance) {}

    protected Organization() {
        // for Axon
    }

    @CommandHandler
    public Organization(
            RegisterOrganizationCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        String name = TextRules.singleLine(command.name(), "name", MAX_NAME_LENGTH, true);
        String country = country(command.country());
        String region = TextRules.singleLine(command.region(), "region", MAX_FIELD_LENGTH, false);
        String kind = TextRules.singleLine(command.kind(), "kind", MAX_FIELD_LENGTH, false);
        String website = website(command.website());
        if (!org.endorsements.events.Identifiers.isSlug(command.handle())) {
            throw DomainRuleViolation.invalid(
                    "invalid-handle", "handle must be 1-100 characters of a-z, 0-9 and inner dashes");
        }
        apply(new OrganizationRegistered(
                command.organizationId(),
                name,
                country,
                region,
                kind,
                website,
                command.at(),
                caller.auditName(),
                command.handle()));
        // The organization receives this key from the admin: the weakest credential it can call its own.
        apply(new CredentialIssued(
                command.organizationId(),
                command.credentialId(),
                command.keyHash(),
                command.at(),
                caller.auditName(),
                AssuranceLevel.ORGANIZATION_CREDENTIAL));
    }

    /**
     * Refused while the organization is suspended, for the admin too: a suspended organization's keys do not
     * authenticate, so a new one would be a live secret waiting for a reinstatement that does not exist. The admin
     * can still revoke its key (say, on the organization's word that it was seized).
     */
    @CommandHandler
    public void handle(
            IssueCredentialCommand command, @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        requireNotErased("an erased organization gets no new key");
        if (suspended) {
            throw DomainRuleViolation.conflict("organization-suspended", "a suspended organization gets no new key");
        }
        // An admin who rotates receives the new key; an organization that rotates passes on what its own key was
        // (the admin could have rotated with a key it issued, so a rotation never raises the level).
        AssuranceLevel assurance = caller.isAdmin() || activeCredentialAssurance == null
                ? AssuranceLevel.ADMIN_ISSUED_CREDENTIAL
                : activeCredentialAssurance;
        if (activeCredentialId != null) {
            apply(new CredentialRevoked(organizationId, activeCredentialId, command.at(), caller.auditName()));
        }
        apply(new CredentialIssued(
                organizationId,
                command.credentialId(),
                command.keyHash(),
                command.at(),
                caller.auditName(),
                assurance));
    }

    /**
     * Registers a signing key. An organization's new key must be certified by one of its current keys; its very
     * first key certifies itself (proof that the registrant holds it). That key must be registered with an API key
     * other than the one handed over at registration (409 {@code rotate-credential-first}), and it signs as
     * {@code organization-key} only when its fingerprint is the one an admin pinned from the organization's own
     * publication: whoever kept a copy of the handed-over key can rotate it "as the organization", so only the
     * out-of-band fingerprint tells the organization's first key apart. A first key with no pin signs at
     * {@code organization-credential}; one that is not the pinned key is refused. An admin may register a key for an
     * organization that lost its keys (none current), with a reason; such a key and every key it certifies sign at
     * {@code admin-issued-credential}, never {@code organization-key}. Registering the same key under the same id
     * again changes nothing.
     */
    @CommandHandler
    public SigningKeyOutcome handle(
            RegisterSigningKeyCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        requireNotErased("an erased organization registers no signing key");
        if (suspended) {
            throw DomainRuleViolation.conflict("organization-suspended", "a suspended organization gets no new key");
        }
        String publicKey = command.publicKey();
        // A small-order key verifies signatures nobody made with a private key (the JDK accepts both), and a
        // non-canonical encoding names a key under a second spelling: neither is a key of the organization's.
        Ed25519.weakness(publicKey).ifPresent(why -> {
            throw DomainRuleViolation.invalid("weak-public-key", "publicKey is " + why);
        });
        if (!Ed25519.isPublicKey(publicKey)) {
            throw DomainRuleViolation.invalid(
                    "invalid-public-key", "publicKey must be the base64 of a 32-byte Ed25519 public key");
        }
        SigningKey existing = signingKeys.get(command.keyId());
        if (existing != null) {
            if (existing.active() && existing.publicKey().equals(publicKey)) {
                return new SigningKeyOutcome(false, getVersion());
            }
            throw DomainRuleViolation.conflict(
                    "signing-key-id-taken", "this key id names another key or a revoked one; ids are never reused");
        }
        if (signingKeys.values().stream().anyMatch(key -> key.publicKey().equals(publicKey))) {
            throw DomainRuleViolation.conflict(
                    "public-key-registered", "this public key is already registered under another id");
        }
        if (caller.isAdmin()) {
            // A recovery is for an organization that lost its keys. Next to a live key it would let the admin sign
            // for the organization at will; the organization's own keys are revoked first (by it, or by the admin
            // on its word, in the public history), and only then does a recovery add one.
            // A recovery replaces lost keys. For an organization that never had one it would be the first key, and
            // every later key would chain from it at admin-issued-credential: the organization could never sign at
            // organization-key. Its first key is its own, registered by it after a pin.
            if (signingKeys.isEmpty()) {
                throw DomainRuleViolation.conflict(
                        "no-key-to-recover",
                        "the organization never registered a signing key, so there is none to recover: pin the"
                                + " fingerprint it published (PUT /api/organizations/{id}/signing-key-pin) and let it"
                                + " register its first key itself");
            }
            if (signingKeys.values().stream().anyMatch(SigningKey::active)) {
                throw DomainRuleViolation.conflict(
                        "organization-has-current-key",
                        "the organization holds a current signing key: it certifies its new keys itself, and a"
                                + " recovery is only for an organization whose keys are all revoked");
            }
            String reason = TextRules.singleLine(command.recoveryReason(), "recoveryReason", MAX_FIELD_LENGTH, true);
            apply(new SigningKeyRegistered(
                    organizationId,
                    command.keyId(),
                    publicKey,
                    command.at(),
                    caller.auditName(),
                    null,
                    reason,
                    AssuranceLevel.ADMIN_ISSUED_CREDENTIAL));
            return new SigningKeyOutcome(true, getVersion());
        }
        if (command.recoveryReason() != null) {
            throw DomainRuleViolation.rejected(
                    "recovery-for-admins-only", "only an admin registers a key in a recovery");
        }
        KeyCertification certification = command.certification();
        if (certification == null) {
            throw DomainRuleViolation.rejected(
                    "key-certification-required", "a new key must carry a certification signature");
        }
        SigningTime.requireWithinWindow(certification.signedAt(), command.at());
        String signerPublicKey;
        AssuranceLevel assurance;
        if (certification.signerKeyId().equals(command.keyId())) {
            if (!signingKeys.isEmpty()) {
                throw DomainRuleViolation.rejected(
                        "certification-by-current-key-required",
                        "only the first key certifies itself; later keys are certified by a current key");
            }
            if (activeCredentialFromAdmin && activeCredentialAssurance == AssuranceLevel.ORGANIZATION_CREDENTIAL) {
                throw DomainRuleViolation.conflict(
                        "rotate-credential-first",
                        "the API key handed over at registration passed through the admin: rotate it"
                                + " (POST /api/organizations/{id}/credentials) and register the first key with the new one");
            }
            // Whoever holds the key handed over at registration can rotate it "as the organization", so no
            // credential tells the organization apart from an admin who kept a copy. What tells them apart is the
            // fingerprint the organization published elsewhere, pinned by an admin in an act of its own: a first key
            // that is not the pinned one is refused, and one registered with no pin proves only the credential.
            String fingerprint = Ed25519.fingerprint(publicKey);
            if (pinnedFingerprint != null && !pinnedFingerprint.equals(fingerprint)) {
                throw DomainRuleViolation.conflict(
                                "signing-key-fingerprint-mismatch",
                                "this is not the key whose fingerprint was pinned for the organization's first key")
                        .with("pinnedFingerprint", pinnedFingerprint);
            }
            signerPublicKey = publicKey;
            if (activeCredentialAssurance != AssuranceLevel.ORGANIZATION_CREDENTIAL) {
                assurance = AssuranceLevel.ADMIN_ISSUED_CREDENTIAL;
            } else if (pinnedFingerprint == null) {
                assurance = AssuranceLevel.ORGANIZATION_CREDENTIAL;
            } else {
                assurance = AssuranceLevel.ORGANIZATION_KEY;
            }
        } else {
            SigningKey signer = signingKeys.get(certification.signerKeyId());
            if (signer == null || !signer.active()) {
                throw DomainRuleViolation.rejected(
                        "unknown-signing-key", "the certifying key is not a current key of the organization");
            }
            signerPublicKey = signer.publicKey();
            assurance = signer.assurance();
        }
        if (!certification.verifies(signerPublicKey, organizationId, command.keyId(), publicKey)) {
            throw DomainRuleViolation.rejected("bad-signature", "the certification does not verify");
        }
        apply(new SigningKeyRegistered(
                organizationId,
                command.keyId(),
                publicKey,
                command.at(),
                caller.auditName(),
                certification,
                null,
                assurance));
        return new SigningKeyOutcome(true, getVersion());
    }

    /**
     * An admin pins the fingerprint of the first key the organization published outside the platform. The pin only
     * gates the first key, so it is refused once the organization has registered any; before that an admin may
     * correct it (each pin is recorded). Pinning the fingerprint already pinned changes nothing.
     */
    @CommandHandler
    public SigningKeyOutcome handle(
            PinSigningKeyFingerprintCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        if (!caller.isAdmin()) {
            throw DomainRuleViolation.forbidden(
                    "admin-only", "an admin pins what the organization published outside the platform");
        }
        if (!Ed25519.isFingerprint(command.fingerprint())) {
            throw DomainRuleViolation.invalid(
                    "invalid-fingerprint", "fingerprint must be the SHA-256 of the key's 32 raw bytes, 64 hex digits");
        }
        String source = TextRules.singleLine(command.source(), "source", MAX_FIELD_LENGTH, true);
        if (!signingKeys.isEmpty()) {
            throw DomainRuleViolation.conflict(
                    "signing-key-registered",
                    "the organization has registered a signing key: a pin gates only its first one");
        }
        if (command.fingerprint().equals(pinnedFingerprint)) {
            return new SigningKeyOutcome(false, getVersion());
        }
        apply(new SigningKeyFingerprintPinned(
                organizationId, command.fingerprint(), source, command.at(), caller.auditName()));
        return new SigningKeyOutcome(true, getVersion());
    }

    @EventSourcingHandler
    void on(SigningKeyFingerprintPinned event) {
        this.pinnedFingerprint = event.fingerprint();
    }

    /** A revoked key signs nothing from now on; what it signed before stays valid. */
    @CommandHandler
    public SigningKeyOutcome handle(
            RevokeSigningKeyCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        SigningKey key = signingKeys.get(command.keyId());
        if (key == null) {
            throw DomainRuleViolation.notFound("signing-key-not-found", "the organization has no such signing key");
        }
        if (!key.active()) {
            throw DomainRuleViolation.conflict("signing-key-revoked", "the signing key is already revoked");
        }
        String reason = TextRules.singleLine(command.reason(), "reason", MAX_FIELD_LENGTH, false);
        apply(new SigningKeyRevoked(organizationId, command.keyId(), reason, command.at(), caller.auditName()));
        return new SigningKeyOutcome(true, getVersion());
    }

    @CommandHandler
    public void handle(
            RevokeCredentialCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        if (activeCredentialId == null) {
            throw DomainRuleViolation.conflict("no-active-credential", "organization has no active credential");
        }
        apply(new CredentialRevoked(organizationId, activeCredentialId, command.at(), caller.auditName()));
    }

    @CommandHandler
    public long handle(
            SuspendOrganizationCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        if (suspended) {
            throw DomainRuleViolation.conflict("organization-suspended", "organization is already suspended");
        }
        String reason = TextRules.singleLine(command.reason(), "reason", MAX_FIELD_LENGTH, false);
        apply(new OrganizationSuspended(organizationId, reason, command.at(), caller.auditName()));
        return getVersion();
    }

    /**
     * Hiding works for a suspended organization too (whoever had it suspended may be the danger it hides from),
     * and a second request changes nothing: in a hurry, pressing twice must not fail. An admin hides an
     * organization only on its documented request, so the admin's reason is required and recorded.
     */
    @CommandHandler
    public long handle(
            HideOrganizationCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        String reason = TextRules.singleLine(command.reason(), "reason", MAX_FIELD_LENGTH, caller.isAdmin());
        if (hidden) {
            return getVersion();
        }
        apply(new OrganizationHidden(organizationId, reason, command.at(), caller.auditName()));
        return getVersion();
    }

    /**
     * Erasure: allowed in any state (suspended or hidden too), and a second request changes nothing, as for a
     * hide. An admin erases an organization only on its documented request, so the admin's reason is required.
     * The organization is hidden by the same event, so nothing public is left to take down separately.
     */
    @CommandHandler
    public long handle(
            EraseOrganizationPersonalDataCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        String reason = TextRules.singleLine(command.reason(), "reason", MAX_FIELD_LENGTH, caller.isAdmin());
        if (erased) {
            return getVersion();
        }
        apply(new OrganizationPersonalDataErased(organizationId, reason, command.at(), caller.auditName()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(OrganizationPersonalDataErased event) {
        this.erased = true;
        this.hidden = true;
        this.profile = null;
    }

    private void requireNotErased(String why) {
        if (erased) {
            throw DomainRuleViolation.conflict("organization-erased", why);
        }
    }

    /**
     * Sets the whole profile; asking for the profile it has changes nothing. Allowed while suspended or hidden: a
     * profile says nothing about signing, and a hidden organization's profile is never shown next to its name.
     */
    @CommandHandler
    public long handle(
            UpdateOrganizationProfileCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        requireNotErased("an erased organization has no profile to update");
        Profile wanted = new Profile(
                country(command.country()),
                TextRules.singleLine(command.region(), "region", MAX_FIELD_LENGTH, false),
                TextRules.singleLine(command.kind(), "kind", MAX_FIELD_LENGTH, false),
                website(command.website()));
        if (wanted.equals(profile)) {
            return getVersion();
        }
        apply(new OrganizationProfileUpdated(
                organizationId,
                wanted.country(),
                wanted.region(),
                wanted.kind(),
                wanted.website(),
                command.at(),
                caller.auditName()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(OrganizationProfileUpdated event) {
        this.profile = new Profile(event.country(), event.region(), event.kind(), event.website());
    }

    @EventSourcingHandler
    void on(OrganizationHidden event) {
        this.hidden = true;
    }

    @EventSourcingHandler
    void on(OrganizationRegistered event) {
        this.organizationId = event.organizationId();
        this.profile = new Profile(event.country(), event.region(), event.kind(), event.website());
    }

    @EventSourcingHandler
    void on(CredentialIssued event) {
        this.activeCredentialId = event.credentialId();
        this.activeCredentialAssurance = event.assurance();
        this.activeCredentialFromAdmin = Caller.ADMIN_ACTOR.equals(event.issuedBy());
    }

    @EventSourcingHandler
    void on(CredentialRevoked event) {
        this.activeCredentialId = null;
        this.activeCredentialAssurance = null;
        this.activeCredentialFromAdmin = false;
    }

    @EventSourcingHandler
    void on(SigningKeyRegistered event) {
        signingKeys.put(event.keyId(), new SigningKey(event.publicKey(), true, event.assurance()));
    }

    @EventSourcingHandler
    void on(SigningKeyRevoked event) {
        signingKeys.computeIfPresent(
                event.keyId(), (id, key) -> new SigningKey(key.publicKey(), false, key.assurance()));
    }

    @EventSourcingHandler
    void on(OrganizationSuspended event) {
        this.suspended = true;
    }

    private static String country(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw DomainRuleViolation.invalid("invalid-country", "country must be an ISO 3166-1 alpha-2 code");
        }
        return code;
    }

    private static String website(String value) {
        String website = TextRules.singleLine(value, "website", MAX_FIELD_LENGTH, false);
        if (website == null) {
            return null;
        }
        try {
            URI uri = URI.create(website);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not a web address");
            }
        } catch (IllegalArgumentException e) {
            throw DomainRuleViolation.invalid("invalid-website", "website must be an http(s) address");
        }
        return website;
    }
}
