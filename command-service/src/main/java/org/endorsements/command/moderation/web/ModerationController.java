package org.endorsements.command.moderation.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.endorsements.command.endorsement.EndorsementOutcome;
import org.endorsements.command.endorsement.InvalidateEndorsementCommand;
import org.endorsements.command.endorsement.ReinstateEndorsementCommand;
import org.endorsements.command.moderation.InvalidationJob;
import org.endorsements.command.moderation.InvalidationJobs;
import org.endorsements.command.moderation.InvalidationPlan;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.web.CommandDispatcher;
import org.endorsements.command.shared.web.InvalidRequestException;
import org.endorsements.command.shared.web.Positions;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.Identifiers;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An admin invalidates endorsements (one, or a list after a dry run) and reinstates them. */
@RestController
@RequestMapping("/api/statements/{statementId}")
class ModerationController {

    private final CommandDispatcher commands;
    private final InvalidationJobs jobs;
    private final Clock clock;
    private final Positions positions;

    ModerationController(CommandDispatcher commands, InvalidationJobs jobs, Clock clock, Positions positions) {
        this.commands = commands;
        this.jobs = jobs;
        this.clock = clock;
        this.positions = positions;
    }

    /** {@code category}: forged, duplicate, out-of-scope or organization-request; {@code reason} is required. */
    record InvalidationRequest(String category, String reason) {}

    record ReinstatementRequest(String reason) {}

    record BulkInvalidationRequest(List<String> organizationIds, String category, String reason) {}

    record ModerationState(String statementId, String organizationId, String state) {}

    record Step(String organizationId, String outcome) {}

    record Preview(String statementId, String category, long countedBefore, long countedAfter, List<Step> steps) {}

    record Job(
            String jobId,
            String statementId,
            String category,
            String status,
            int total,
            int processed,
            long countedBefore,
            long countedAfterPlan,
            Long countedAfter,
            List<Step> plan,
            List<Step> results,
            Instant startedAt,
            Instant finishedAt) {}

    @PostMapping("/endorsements/{organizationId}/invalidation")
    ResponseEntity<ModerationState> invalidate(
            @PathVariable StatementId statementId,
            @PathVariable OrganizationId organizationId,
            @RequestBody(required = false) InvalidationRequest request) {
        if (request == null) {
            throw new InvalidRequestException("invalid-category", "A body with category and reason is required.");
        }
        EndorsementId id = new EndorsementId(statementId, organizationId);
        EndorsementOutcome outcome = send(new InvalidateEndorsementCommand(
                id,
                category(request.category()),
                request.reason(),
                UUID.randomUUID().toString(),
                clock.instant()));
        return ResponseEntity.ok()
                .header(ConsistencyToken.HEADER, position(id, outcome))
                .body(new ModerationState(statementId.value(), organizationId.value(), "invalidated"));
    }

    @PostMapping("/endorsements/{organizationId}/reinstatement")
    ResponseEntity<ModerationState> reinstate(
            @PathVariable StatementId statementId,
            @PathVariable OrganizationId organizationId,
            @RequestBody(required = false) ReinstatementRequest request) {
        EndorsementId id = new EndorsementId(statementId, organizationId);
        EndorsementOutcome outcome = send(new ReinstateEndorsementCommand(
                id, request == null ? null : request.reason(), UUID.randomUUID().toString(), clock.instant()));
        return ResponseEntity.ok()
                .header(ConsistencyToken.HEADER, position(id, outcome))
                .body(new ModerationState(statementId.value(), organizationId.value(), "endorsed"));
    }

    /** The dry run: which endorsements the list would invalidate and the counts before and after; changes nothing. */
    @PostMapping("/invalidations/preview")
    Preview preview(
            @PathVariable StatementId statementId, @RequestBody(required = false) BulkInvalidationRequest request) {
        BulkInvalidationRequest given = required(request);
        InvalidationCategory category = category(given.category());
        InvalidationPlan plan = jobs.preview(statementId, organizations(given), category, given.reason());
        return new Preview(
                statementId.value(), category.wireName(), plan.countedBefore(), plan.countedAfter(), steps(plan));
    }

    /** Starts the invalidation of the list; 202 with the job to poll at its Location. */
    @PostMapping("/invalidation-jobs")
    ResponseEntity<Job> startJob(
            @PathVariable StatementId statementId, @RequestBody(required = false) BulkInvalidationRequest request) {
        BulkInvalidationRequest given = required(request);
        InvalidationJob job = jobs.start(statementId, organizations(given), category(given.category()), given.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/statements/" + statementId.value() + "/invalidation-jobs/" + job.jobId()))
                .body(view(job));
    }

    @GetMapping("/invalidation-jobs/{jobId}")
    Job job(@PathVariable StatementId statementId, @PathVariable String jobId) {
        return jobs.find(statementId, jobId)
                .map(ModerationController::view)
                .orElseThrow(() -> DomainRuleViolation.notFound("job-not-found", "no such invalidation job"));
    }

    private EndorsementOutcome send(Object command) {
        try {
            return commands.sendRetryingConflicts(command);
        } catch (AggregateNotFoundException never) {
            throw DomainRuleViolation.conflict("not-endorsed", "the organization has not endorsed the statement");
        }
    }

    private static Job view(InvalidationJob job) {
        InvalidationPlan plan = job.plan();
        return new Job(
                job.jobId(),
                job.statementId().value(),
                job.category().wireName(),
                job.status().name().toLowerCase(java.util.Locale.ROOT),
                job.total(),
                job.processed(),
                plan.countedBefore(),
                plan.countedAfter(),
                job.countedAfter(),
                steps(plan),
                job.results().stream()
                        .map(r -> new Step(r.organizationId(), r.outcome()))
                        .toList(),
                job.startedAt(),
                job.finishedAt());
    }

    private static List<Step> steps(InvalidationPlan plan) {
        return plan.steps().stream()
                .map(s -> new Step(
                        s.organizationId().value(),
                        s.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')))
                .toList();
    }

    private static BulkInvalidationRequest required(BulkInvalidationRequest request) {
        if (request == null || request.organizationIds() == null) {
            throw new InvalidRequestException(
                    "invalid-organization-ids", "A body with organizationIds, category and reason is required.");
        }
        return request;
    }

    private static List<OrganizationId> organizations(BulkInvalidationRequest request) {
        for (String id : request.organizationIds()) {
            if (id == null || !Identifiers.isSlug(id)) {
                throw new InvalidRequestException(
                        "invalid-organization-ids", "Every organization id is a-z, 0-9 and inner dashes.");
            }
        }
        return request.organizationIds().stream().map(OrganizationId::of).toList();
    }

    private static InvalidationCategory category(String given) {
        return InvalidationCategory.fromWireName(given)
                .orElseThrow(() -> new InvalidRequestException(
                        "invalid-category",
                        "category must be forged, duplicate, out-of-scope or organization-request."));
    }

    /** Signed, as every write's position is: the query side accepts no token the command side did not sign. */
    private String position(EndorsementId id, EndorsementOutcome outcome) {
        return positions.of(AggregateType.ENDORSEMENT, id.value(), outcome.sequence());
    }
}
