package org.endorsements.command.organization.web;

import java.time.Clock;
import java.time.Instant;
import org.endorsements.command.organization.RegisterSigningKeyCommand;
import org.endorsements.command.organization.RegisteredOrganizations;
import org.endorsements.command.organization.RevokeSigningKeyCommand;
import org.endorsements.command.organization.SigningKeyOutcome;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.web.CommandDispatcher;
import org.endorsements.command.shared.web.InvalidRequestException;
import org.endorsements.command.shared.web.Positions;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.events.Ed25519;
import org.endorsements.events.Identifiers;
import org.endorsements.events.KeyCertification;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organization's Ed25519 signing keys: their public halves, registered and revoked (events/TOPIC.md). */
@RestController
@RequestMapping("/api/organizations/{organizationId}/signing-keys/{keyId}")
class SigningKeyController {

    private final CommandDispatcher commands;
    private final Clock clock;
    private final Positions positions;
    private final RegisteredOrganizations registry;

    SigningKeyController(
            CommandDispatcher commands, Clock clock, RegisteredOrganizations registry, Positions positions) {
        this.positions = positions;
        this.commands = commands;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * {@code publicKey}: base64 of the key's 32 raw bytes. An organization sends {@code certification}, signed by a
     * current key (for its first key, by the new key itself); an admin sends {@code recoveryReason} instead.
     */
    record RegisterSigningKeyRequest(String publicKey, CertificationRequest certification, String recoveryReason) {}

    record CertificationRequest(String signerKeyId, String signedAt, String nonce, String value) {

        KeyCertification toCertification() {
            if (!Identifiers.isSlug(signerKeyId)) {
                throw invalid("certification.signerKeyId must be a signing key id (a-z, 0-9 and inner dashes).");
            }
            Instant at = SignedMessages.parseTime(signedAt)
                    .orElseThrow(() -> invalid("certification.signedAt must be a UTC time like 2026-11-01T10:00:00Z."));
            if (!SignedMessages.isNonce(nonce)) {
                throw invalid("certification.nonce must be 16-64 characters of A-Z, a-z, 0-9, _ and -.");
            }
            if (!Ed25519.isSignature(value)) {
                throw invalid("certification.value must be the base64 of a 64-byte Ed25519 signature.");
            }
            return new KeyCertification(SigningKeyId.of(signerKeyId), at, nonce, value);
        }

        private static InvalidRequestException invalid(String message) {
            return new InvalidRequestException("invalid-certification", message);
        }
    }

    record RevokeSigningKeyRequest(String reason) {}

    record SigningKeyState(String organizationId, String keyId, boolean current) {}

    /** 201 when registered now, 200 when this key was already registered under this id. */
    @PutMapping
    ResponseEntity<SigningKeyState> register(
            @PathVariable OrganizationId organizationId,
            @PathVariable SigningKeyId keyId,
            @RequestBody RegisterSigningKeyRequest request) {
        requireExists(organizationId);
        // Refused before any command, as the aggregate would: a small-order or non-canonical key is no key of the
        // organization's (a signature "by" a small-order key needs no private key).
        Ed25519.weakness(request.publicKey()).ifPresent(why -> {
            throw new InvalidRequestException("weak-public-key", "publicKey is " + why + ".");
        });
        KeyCertification certification =
                request.certification() == null ? null : request.certification().toCertification();
        SigningKeyOutcome outcome = commands.send(new RegisterSigningKeyCommand(
                organizationId, keyId, request.publicKey(), certification, request.recoveryReason(), clock.instant()));
        return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(ConsistencyToken.HEADER, position(organizationId, outcome))
                .body(new SigningKeyState(organizationId.value(), keyId.value(), true));
    }

    @DeleteMapping
    ResponseEntity<SigningKeyState> revoke(
            @PathVariable OrganizationId organizationId,
            @PathVariable SigningKeyId keyId,
            @RequestBody(required = false) RevokeSigningKeyRequest request) {
        requireExists(organizationId);
        SigningKeyOutcome outcome = commands.send(new RevokeSigningKeyCommand(
                organizationId, keyId, request == null ? null : request.reason(), clock.instant()));
        return ResponseEntity.ok()
                .header(ConsistencyToken.HEADER, position(organizationId, outcome))
                .body(new SigningKeyState(organizationId.value(), keyId.value(), false));
    }

    /** As for credentials: an id that is no organization is a 404 before Axon loads another aggregate's events. */
    private void requireExists(OrganizationId organizationId) {
        if (!registry.isRegistered(organizationId)) {
            throw DomainRuleViolation.notFound("not-found", "There is no such organization or statement.");
        }
    }

    private String position(OrganizationId id, SigningKeyOutcome outcome) {
        return positions.of(AggregateType.ORGANIZATION, id.value(), outcome.sequence());
    }
}
