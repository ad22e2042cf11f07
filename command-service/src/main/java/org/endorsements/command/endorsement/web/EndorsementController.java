package org.endorsements.command.endorsement.web;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.endorsements.command.endorsement.ChangeEndorsementVisibilityCommand;
import org.endorsements.command.endorsement.EndorseStatementCommand;
import org.endorsements.command.endorsement.EndorsementOutcome;
import org.endorsements.command.endorsement.WithdrawEndorsementCommand;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.web.CommandDispatcher;
import org.endorsements.command.shared.web.InvalidRequestException;
import org.endorsements.command.shared.web.Positions;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.AggregateType;
import org.endorsements.events.Caller;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.events.Ed25519;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.Identifiers;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SignedMessages;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.StatementId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statements/{statementId}/endorsements/{organizationId}")
class EndorsementController {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final int MAX_REQUEST_ID_LENGTH = 100;

    private final CommandDispatcher commands;
    private final Clock clock;
    private final Positions positions;

    EndorsementController(CommandDispatcher commands, Clock clock, Positions positions) {
        this.positions = positions;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * {@code entryNumber}: the entry on an imported letter (admin imports only); {@code visibility}: {@code public}
     * (the default) or {@code counted}; {@code signature}: the organization's Ed25519 signature of the endorsement
     * (see {@code events/TOPIC.md}, signed messages); {@code contentHash}: the text the signer read, the version's
     * own or one of its translations (a signature names it too; unnamed, the version's own text).
     */
    record EndorseRequest(Integer entryNumber, String visibility, SignatureRequest signature, String contentHash) {}

    record VisibilityRequest(String visibility) {}

    record VisibilityState(String statementId, String organizationId, String visibility) {}

    record WithdrawRequest(String reason, SignatureRequest signature) {}

    /**
     * A detached signature as a request carries it: {@code signedAt} exactly as the signed message has it
     * ({@code 2026-11-01T10:00:00Z}), {@code value} the base64 of the 64 signature bytes; {@code visibility} the one
     * a version 2 endorsement message names, absent for a version 1 message.
     */
    record SignatureRequest(
            String keyId, String contentHash, String signedAt, String nonce, String value, String visibility) {

        ActionSignature toSignature() {
            if (!Identifiers.isSlug(keyId)) {
                throw invalid("signature.keyId must be a signing key id (a-z, 0-9 and inner dashes).");
            }
            if (!SignedMessages.isContentHash(contentHash)) {
                throw invalid("signature.contentHash must be 64 lower-case hex digits.");
            }
            Instant at = SignedMessages.parseTime(signedAt)
                    .orElseThrow(() -> invalid("signature.signedAt must be a UTC time like 2026-11-01T10:00:00Z."));
            if (!SignedMessages.isNonce(nonce)) {
                throw invalid("signature.nonce must be 16-64 characters of A-Z, a-z, 0-9, _ and -.");
            }
            if (!Ed25519.isSignature(value)) {
                throw invalid("signature.value must be the base64 of a 64-byte Ed25519 signature.");
            }
            EndorsementVisibility signedVisibility = visibility == null
                    ? null
                    : EndorsementVisibility.fromWireName(visibility)
                            .orElseThrow(() -> invalid("signature.visibility must be public or counted."));
            return new ActionSignature(SigningKeyId.of(keyId), contentHash, at, nonce, value, signedVisibility);
        }

        private static InvalidRequestException invalid(String message) {
            return new InvalidRequestException("invalid-signature", message);
        }
    }

    record EndorsementState(String statementId, String organizationId, boolean endorsed) {}

    /** An organization signs for itself; an admin records a signature collected elsewhere (source: imported). */
    @PutMapping
    ResponseEntity<EndorsementState> endorse(
            @PathVariable StatementId statementId,
            @PathVariable OrganizationId organizationId,
            @RequestBody(required = false) EndorseRequest request,
            @RequestHeader(name = REQUEST_ID_HEADER, required = false) String requestId,
            @AuthenticationPrincipal Caller caller) {
        EndorsementId id = new EndorsementId(statementId, organizationId);
        EndorsementSource source = caller.isAdmin() ? EndorsementSource.IMPORTED : EndorsementSource.API;
        Integer entryNumber = request == null ? null : request.entryNumber();
        if (entryNumber != null && source != EndorsementSource.IMPORTED) {
            throw new InvalidRequestException(
                    "entry-number-for-imports-only",
                    "entryNumber is only for endorsements an admin imports from a letter.");
        }
        EndorsementVisibility visibility =
                request == null || request.visibility() == null ? null : visibility(request.visibility());
        ActionSignature signature = signatureOf(request == null ? null : request.signature(), caller);
        // A version 1 endorsement signature binds no visibility: an operator could record as public an organization
        // that signed to be counted. New ones are refused; stored ones still verify (the verifiers read both).
        if (signature != null && signature.messageVersion() == 1) {
            throw new InvalidRequestException(
                    "signature-version-retired",
                    "An endorsement signs the version 2 message (" + SignedMessages.ACTION_DOMAIN_V2
                            + "), which names the visibility asked for: set signature.visibility and sign that.");
        }
        String readContentHash = request == null ? null : request.contentHash();
        if (readContentHash != null && !SignedMessages.isContentHash(readContentHash)) {
            throw new InvalidRequestException("invalid-content-hash", "contentHash must be 64 lower-case hex digits.");
        }
        EndorsementOutcome outcome = commands.sendRetryingConflicts(new EndorseStatementCommand(
                id,
                source,
                entryNumber,
                requestId(requestId),
                clock.instant(),
                visibility,
                signature,
                readContentHash));
        return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(ConsistencyToken.HEADER, position(id, outcome))
                .body(new EndorsementState(statementId.value(), organizationId.value(), true));
    }

    @DeleteMapping
    ResponseEntity<EndorsementState> withdraw(
            @PathVariable StatementId statementId,
            @PathVariable OrganizationId organizationId,
            @RequestBody(required = false) WithdrawRequest request,
            @RequestHeader(name = REQUEST_ID_HEADER, required = false) String requestId,
            @AuthenticationPrincipal Caller caller) {
        EndorsementId id = new EndorsementId(statementId, organizationId);
        ActionSignature signature = signatureOf(request == null ? null : request.signature(), caller);
        if (signature != null && signature.visibility() != null) {
            throw new InvalidRequestException(
                    "invalid-signature",
                    "A withdrawal signs the version 1 message, which names no visibility: leave out signature.visibility.");
        }
        EndorsementOutcome outcome;
        try {
            outcome = commands.sendRetryingConflicts(new WithdrawEndorsementCommand(
                    id, request == null ? null : request.reason(), requestId(requestId), clock.instant(), signature));
        } catch (AggregateNotFoundException never) {
            throw DomainRuleViolation.conflict("not-endorsed", "there is no endorsement to withdraw");
        }
        return ResponseEntity.ok()
                .header(ConsistencyToken.HEADER, position(id, outcome))
                .body(new EndorsementState(statementId.value(), organizationId.value(), false));
    }

    /** The organization changes who sees its endorsement; 200 whether or not it was already so. */
    @PutMapping("/visibility")
    ResponseEntity<VisibilityState> changeVisibility(
            @PathVariable StatementId statementId,
            @PathVariable OrganizationId organizationId,
            @RequestBody(required = false) VisibilityRequest request,
            @RequestHeader(name = REQUEST_ID_HEADER, required = false) String requestId) {
        if (request == null || request.visibility() == null) {
            throw new InvalidRequestException("invalid-visibility", "visibility (public or counted) is required.");
        }
        EndorsementVisibility visibility = visibility(request.visibility());
        EndorsementId id = new EndorsementId(statementId, organizationId);
        EndorsementOutcome outcome;
        try {
            outcome = commands.sendRetryingConflicts(
                    new ChangeEndorsementVisibilityCommand(id, visibility, requestId(requestId), clock.instant()));
        } catch (AggregateNotFoundException never) {
            throw DomainRuleViolation.conflict("not-endorsed", "there is no endorsement whose visibility could change");
        }
        return ResponseEntity.ok()
                .header(ConsistencyToken.HEADER, position(id, outcome))
                .body(new VisibilityState(statementId.value(), organizationId.value(), visibility.wireName()));
    }

    private static EndorsementVisibility visibility(String given) {
        return EndorsementVisibility.fromWireName(given)
                .orElseThrow(() ->
                        new InvalidRequestException("invalid-visibility", "visibility must be public or counted."));
    }

    /** Only an organization signs; an admin records what it collected elsewhere unsigned. */
    private static ActionSignature signatureOf(SignatureRequest request, Caller caller) {
        if (request == null) {
            return null;
        }
        if (caller.isAdmin()) {
            throw new InvalidRequestException(
                    "signature-for-organizations-only", "Only an organization signs its own endorsements.");
        }
        return request.toSignature();
    }

    private String position(EndorsementId id, EndorsementOutcome outcome) {
        return positions.of(AggregateType.ENDORSEMENT, id.value(), outcome.sequence());
    }

    private static String requestId(String given) {
        if (given == null || given.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (given.length() > MAX_REQUEST_ID_LENGTH || !given.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidRequestException(
                    "invalid-request-id", REQUEST_ID_HEADER + " must be 1-100 printable ASCII characters.");
        }
        return given;
    }
}
