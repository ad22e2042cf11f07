package org.endorsements.command.organization.web;

import java.net.URI;
import java.time.Clock;
import org.endorsements.command.organization.EraseOrganizationPersonalDataCommand;
import org.endorsements.command.organization.HideOrganizationCommand;
import org.endorsements.command.organization.IssueCredentialCommand;
import org.endorsements.command.organization.RegisterOrganizationCommand;
import org.endorsements.command.organization.RegisteredOrganizations;
import org.endorsements.command.organization.RevokeCredentialCommand;
import org.endorsements.command.organization.SuspendOrganizationCommand;
import org.endorsements.command.organization.UpdateOrganizationProfileCommand;
import org.endorsements.command.shared.ApiKeys;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.web.CommandDispatcher;
import org.endorsements.command.shared.web.Identifiers;
import org.endorsements.command.shared.web.Positions;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.events.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organizations")
class OrganizationController {

    /** Credential events are private, so the views show no change for them: the registration is the position. */
    private static final long REGISTRATION_SEQUENCE = 0;

    private final CommandDispatcher commands;
    private final Clock clock;
    private final Positions positions;
    private final RegisteredOrganizations registry;

    OrganizationController(
            CommandDispatcher commands, Clock clock, RegisteredOrganizations registry, Positions positions) {
        this.positions = positions;
        this.commands = commands;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * {@code organizationId} is for imports that must find the same organization again (the seed's signatories keep
     * the slug ids their proofs and receipts name); left out, the organization gets an opaque id. {@code handle}
     * defaults to the slug of the name, or to the given id.
     */
    record RegisterOrganizationRequest(
            String organizationId,
            String handle,
            String name,
            String country,
            String region,
            String kind,
            String website) {}

    record RegisteredOrganization(String organizationId, String handle, String apiKey, String credentialId) {}

    record IssuedCredential(String organizationId, String apiKey, String credentialId) {}

    record SuspendRequest(String reason) {}

    record HideRequest(String reason) {}

    record EraseRequest(String reason) {}

    record ProfileRequest(String country, String region, String kind, String website) {}

    @PostMapping
    ResponseEntity<RegisteredOrganization> register(@RequestBody RegisterOrganizationRequest request) {
        OrganizationId id = request.organizationId() != null
                ? Identifiers.organizationId(request.organizationId(), request.name())
                : OrganizationId.newOpaque();
        String handle = Identifiers.handle(request.handle(), request.organizationId(), request.name());
        // A given id that is taken is the conflict to report, though its handle is taken too (it is the id).
        if (request.organizationId() != null && registry.isRegistered(id)) {
            throw DomainRuleViolation.conflict("already-exists", "Something with this identifier exists already.");
        }
        if (registry.isHandleTaken(handle)) {
            throw DomainRuleViolation.conflict("handle-taken", "another organization has this handle; choose another")
                    .with("handle", handle);
        }
        String key = ApiKeys.newKey();
        String credentialId = ApiKeys.newCredentialId();
        commands.send(new RegisterOrganizationCommand(
                id,
                handle,
                request.name(),
                request.country(),
                request.region(),
                request.kind(),
                request.website(),
                credentialId,
                ApiKeys.hash(key),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/organizations/" + id.value()))
                .header(ConsistencyToken.HEADER, position(id, REGISTRATION_SEQUENCE))
                .body(new RegisteredOrganization(id.value(), handle, key, credentialId));
    }

    /** Rotates the key: the new key is returned once, the previous one stops working at once. */
    @PostMapping("/{organizationId}/credentials")
    ResponseEntity<IssuedCredential> rotate(@PathVariable OrganizationId organizationId) {
        requireExists(organizationId);
        String key = ApiKeys.newKey();
        String credentialId = ApiKeys.newCredentialId();
        commands.send(new IssueCredentialCommand(organizationId, credentialId, ApiKeys.hash(key), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(ConsistencyToken.HEADER, position(organizationId, REGISTRATION_SEQUENCE))
                .body(new IssuedCredential(organizationId.value(), key, credentialId));
    }

    @DeleteMapping("/{organizationId}/credentials")
    ResponseEntity<Void> revoke(@PathVariable OrganizationId organizationId) {
        requireExists(organizationId);
        commands.send(new RevokeCredentialCommand(organizationId, clock.instant()));
        return ResponseEntity.noContent()
                .header(ConsistencyToken.HEADER, position(organizationId, REGISTRATION_SEQUENCE))
                .build();
    }

    @PostMapping("/{organizationId}/suspend")
    ResponseEntity<Void> suspend(
            @PathVariable OrganizationId organizationId, @RequestBody(required = false) SuspendRequest request) {
        requireExists(organizationId);
        Long sequence = commands.send(new SuspendOrganizationCommand(
                organizationId, request == null ? null : request.reason(), clock.instant()));
        return ResponseEntity.noContent()
                .header(ConsistencyToken.HEADER, position(organizationId, sequence))
                .build();
    }

    /** Sets the organization's whole profile (a field left out is cleared); 204 also when it was so already. */
    @PutMapping("/{organizationId}/profile")
    ResponseEntity<Void> updateProfile(
            @PathVariable OrganizationId organizationId, @RequestBody ProfileRequest request) {
        requireExists(organizationId);
        Long sequence = commands.send(new UpdateOrganizationProfileCommand(
                organizationId,
                request.country(),
                request.region(),
                request.kind(),
                request.website(),
                clock.instant()));
        return ResponseEntity.noContent()
                .header(ConsistencyToken.HEADER, position(organizationId, sequence))
                .build();
    }

    /**
     * "Hide us now": every endorsement of the organization becomes counted and its name leaves every public view;
     * 204 also when it was hidden already.
     */
    @PostMapping("/{organizationId}/hide")
    ResponseEntity<Void> hide(
            @PathVariable OrganizationId organizationId, @RequestBody(required = false) HideRequest request) {
        requireExists(organizationId);
        Long sequence = commands.send(new HideOrganizationCommand(
                organizationId, request == null ? null : request.reason(), clock.instant()));
        return ResponseEntity.noContent()
                .header(ConsistencyToken.HEADER, position(organizationId, sequence))
                .build();
    }

    /**
     * Erases the organization's personal data (see {@code docs/visibility.md}, erasure): no view names it again, it
     * can no longer endorse, register keys or get credentials, and its API keys stop working; 204 also when it was
     * erased already. An admin gives a reason (it acts on the organization's documented request).
     */
    @DeleteMapping("/{organizationId}/personal-data")
    ResponseEntity<Void> erasePersonalData(
            @PathVariable OrganizationId organizationId, @RequestBody(required = false) EraseRequest request) {
        requireExists(organizationId);
        Long sequence = commands.send(new EraseOrganizationPersonalDataCommand(
                organizationId, request == null ? null : request.reason(), clock.instant()));
        return ResponseEntity.noContent()
                .header(ConsistencyToken.HEADER, position(organizationId, sequence))
                .build();
    }

    /**
     * Organizations and statements share one aggregate id space: a command for an id that is not an organization
     * is a 404 here, before Axon would load another aggregate type's events into an Organization.
     */
    private void requireExists(OrganizationId organizationId) {
        if (!registry.isRegistered(organizationId)) {
            throw DomainRuleViolation.notFound("not-found", "There is no such organization or statement.");
        }
    }

    private String position(OrganizationId id, long sequence) {
        return positions.of(AggregateType.ORGANIZATION, id.value(), sequence);
    }
}
