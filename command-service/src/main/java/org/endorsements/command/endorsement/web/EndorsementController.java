package org.endorsements.command.endorsement.web;

import java.time.Clock;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.endorsements.command.endorsement.ChangeEndorsementVisibilityCommand;
import org.endorsements.command.endorsement.EndorseStatementCommand;
import org.endorsements.command.endorsement.EndorsementOutcome;
import org.endorsements.command.endorsement.WithdrawEndorsementCommand;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.web.CommandDispatcher;
import org.endorsements.command.shared.web.InvalidRequestException;
import org.endorsements.events.AggregateType;
import org.endorsements.events.Caller;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.OrganizationId;
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

    EndorsementController(CommandDispatcher commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * {@code entryNumber}: the entry on an imported letter (admin imports only); {@code visibility}: {@code public}
     * (the default) or {@code counted}.
     */
    record EndorseRequest(Integer entryNumber, String visibility) {}

    record VisibilityRequest(String visibility) {}

    record VisibilityState(String statementId, String organizationId, String visibility) {}

    record WithdrawRequest(String reason) {}

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
        EndorsementOutcome outcome = commands.sendRetryingConflicts(new EndorseStatementCommand(
                id, source, entryNumber, requestId(requestId), clock.instant(), visibility));
        return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(ConsistencyToken.HEADER, position(id, outcome))
                .body(new EndorsementState(statementId.value(), organizationId.value(), true));
    }

    @DeleteMapping
    ResponseEntity<EndorsementState> withdraw(
            @PathVariable StatementId statementId,
            @PathVariable OrganizationId organizationId,
            @RequestBody(required = false) WithdrawRequest request,
            @RequestHeader(name = REQUEST_ID_HEADER, required = false) String requestId) {
        EndorsementId id = new EndorsementId(statementId, organizationId);
        EndorsementOutcome outcome;
        try {
            outcome = commands.sendRetryingConflicts(new WithdrawEndorsementCommand(
                    id, request == null ? null : request.reason(), requestId(requestId), clock.instant()));
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

    private static String position(EndorsementId id, EndorsementOutcome outcome) {
        return new ConsistencyToken(AggregateType.ENDORSEMENT, id.value(), outcome.sequence()).encode();
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
