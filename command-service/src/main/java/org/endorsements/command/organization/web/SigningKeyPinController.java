package org.endorsements.command.organization.web;

import java.time.Clock;
import org.endorsements.command.organization.PinSigningKeyFingerprintCommand;
import org.endorsements.command.organization.RegisteredOrganizations;
import org.endorsements.command.organization.SigningKeyOutcome;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.web.CommandDispatcher;
import org.endorsements.command.shared.web.Positions;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.events.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The fingerprint of an organization's first signing key as it published it elsewhere (docs/signing.md). */
@RestController
class SigningKeyPinController {

    private final CommandDispatcher commands;
    private final Clock clock;
    private final Positions positions;
    private final RegisteredOrganizations registry;

    SigningKeyPinController(
            CommandDispatcher commands, Clock clock, RegisteredOrganizations registry, Positions positions) {
        this.commands = commands;
        this.clock = clock;
        this.registry = registry;
        this.positions = positions;
    }

    /** {@code fingerprint}: SHA-256 of the key's 32 raw bytes, hex; {@code source}: where the organization published it. */
    record PinRequest(String fingerprint, String source) {}

    record PinState(String organizationId, String fingerprint) {}

    /** 201 when pinned now, 200 when this fingerprint was already pinned. */
    @PutMapping("/api/organizations/{organizationId}/signing-key-pin")
    ResponseEntity<PinState> pin(@PathVariable OrganizationId organizationId, @RequestBody PinRequest request) {
        if (!registry.isRegistered(organizationId)) {
            throw DomainRuleViolation.notFound("not-found", "There is no such organization or statement.");
        }
        SigningKeyOutcome outcome = commands.send(new PinSigningKeyFingerprintCommand(
                organizationId, request.fingerprint(), request.source(), clock.instant()));
        return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(
                        ConsistencyToken.HEADER,
                        positions.of(AggregateType.ORGANIZATION, organizationId.value(), outcome.sequence()))
                .body(new PinState(organizationId.value(), request.fingerprint()));
    }
}
