package org.endorsements.command.endorsement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.endorsements.command.shared.Actor;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.TextRules;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementWithdrawn;

/**
 * One organization's endorsement of one statement, through all its endorse / withdraw cycles. Keeping it apart
 * from the statement keeps a command's cost independent of how many organizations signed.
 */
@Aggregate
public class Endorsement {

    static final int MAX_REASON_LENGTH = 500;

    @AggregateIdentifier
    private String endorsementId;
    private boolean endorsed;
    private String signerOpening;
    /** Sequence number of the last event applied; -1 before the first. */
    private long sequence = -1;

    protected Endorsement() {
        // for Axon, and for CREATE_IF_MISSING
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EndorsementOutcome handle(EndorseStatementCommand command, SignatoryRules rules, SignerOpenings openings) {
        EndorsementId id = command.endorsementId();
        requireMayEndorse(command.actor(), command.source(), id);
        if (endorsed) {
            return new EndorsementOutcome(false, sequence);
        }
        String contentHash = rules.contentHashOfOpenStatement(id.statementId());
        String organizationName = rules.nameOfActiveOrganization(id.organizationId());
        if (command.entryNumber() != null && command.entryNumber() < 1) {
            throw DomainRuleViolation.invalid("invalid-entry-number", "entry number must be positive");
        }
        String opening = signerOpening != null ? signerOpening : openings.next();
        apply(new EndorsementAdded(id.statementId(), id.organizationId(), organizationName, contentHash, command.at(),
                command.actor().auditName(), command.source(), command.requestId(), opening,
                command.entryNumber()));
        return new EndorsementOutcome(true, sequence);
    }

    @CommandHandler
    public EndorsementOutcome handle(WithdrawEndorsementCommand command) {
        EndorsementId id = command.endorsementId();
        if (!command.actor().isAdmin() && !command.actor().actsFor(id.organizationId())) {
            throw DomainRuleViolation.forbidden("not-your-organization", "an organization acts only for itself");
        }
        if (!endorsed) {
            throw DomainRuleViolation.conflict("not-endorsed", "there is no endorsement to withdraw");
        }
        String reason = TextRules.singleLine(command.reason(), "reason", MAX_REASON_LENGTH, false);
        apply(new EndorsementWithdrawn(id.statementId(), id.organizationId(), reason, command.at(),
                command.actor().auditName(), command.requestId()));
        return new EndorsementOutcome(true, sequence);
    }

    @EventSourcingHandler
    void on(EndorsementAdded event) {
        this.endorsementId = new EndorsementId(event.statementId(), event.organizationId()).toString();
        this.endorsed = true;
        this.signerOpening = event.signerOpening();
        this.sequence++;
    }

    @EventSourcingHandler
    void on(EndorsementWithdrawn event) {
        this.endorsed = false;
        this.sequence++;
    }

    /**
     * An organization signs only for itself and through the API; an admin only records signatures collected
     * elsewhere ({@code imported}), so the source always tells who vouched for the signature.
     */
    private static void requireMayEndorse(Actor actor, EndorsementSource source, EndorsementId id) {
        if (actor.isAdmin()) {
            if (source != EndorsementSource.IMPORTED) {
                throw DomainRuleViolation.forbidden("admin-records-imports-only",
                        "an admin records endorsements only as imports");
            }
        } else if (!actor.actsFor(id.organizationId())) {
            throw DomainRuleViolation.forbidden("not-your-organization", "an organization acts only for itself");
        } else if (source != EndorsementSource.API) {
            throw DomainRuleViolation.forbidden("organization-signs-through-api",
                    "an organization endorses through the API");
        }
    }
}
