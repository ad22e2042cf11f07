package org.endorsements.command.endorsement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.endorsements.command.shared.CallerMetaData;
import org.endorsements.command.shared.DomainRuleViolation;
import org.endorsements.command.shared.SigningTime;
import org.endorsements.command.shared.TextRules;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.Caller;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementVisibilityChanged;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.InvalidatedEndorsementWithdrawn;
import org.endorsements.events.SignedMessages;

/**
 * One organization's endorsement of one statement, through all its endorse / withdraw cycles. Keeping it apart
 * from the statement keeps a command's cost independent of how many organizations signed.
 */
@Aggregate(type = Endorsement.TYPE)
public class Endorsement {

    /** The type the event store records; pinned, so that renaming this class changes no stored or relayed name. */
    public static final String TYPE = "Endorsement";

    public static final int MAX_REASON_LENGTH = 500;

    @AggregateIdentifier
    private String endorsementId;

    private boolean endorsed;
    /** The version (its content hash) the endorsement in force endorsed. */
    private String endorsedContentHash;

    /** An admin invalidated the endorsement: it does not count, and only an admin's reinstatement undoes that. */
    private boolean invalidated;
    /** The organization withdrew the endorsement while invalidated: nothing is left for a reinstatement to count. */
    private boolean withdrawnWhileInvalidated;
    /** What vouches for the endorsement in force, as its last event recorded it. */
    private AssuranceLevel assurance;

    private String signerOpening;
    private EndorsementVisibility visibility;
    /** Every nonce of a signature this endorsement accepted: a signed request is accepted once. */
    private final Set<String> usedNonces = new HashSet<>();

    protected Endorsement() {
        // for Axon, and for CREATE_IF_MISSING
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public EndorsementOutcome handle(
            EndorseStatementCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller,
            SignatoryRules rules,
            SignerOpenings openings,
            AssuranceRules assurances) {
        EndorsementId id = command.endorsementId();
        requireSourceOf(caller, command.source());
        if (invalidated) {
            throw DomainRuleViolation.conflict(
                    "endorsement-invalidated",
                    "an admin invalidated this endorsement; only an admin's reinstatement counts it again");
        }
        String claimedHash = claimedContentHash(command);
        EndorsementVisibility requested = requestedVisibility(command);
        if (endorsed) {
            // A signed request is verified before anything is answered: a 200 to a signature nobody checked would
            // read as the platform's acceptance of it. Its nonce may be the one that made this endorsement (a
            // retry): nothing is recorded, so a replay changes nothing and answers as the retry of a PUT does.
            if (command.signature() != null) {
                verifiedSignature(
                        command.signature(),
                        SignedMessages.Action.ENDORSE,
                        caller,
                        id,
                        assurances.contentHashOf(id.statementId()),
                        command.at(),
                        assurances);
            }
            // A repeated endorsement that asks for another visibility must not look as if it had been granted; a
            // hidden organization's request to be public is refused as it is on a first endorsement, although the
            // endorsement itself may still record the public it was before the hide.
            if (requested != null) {
                EndorsementVisibility wanted = visibilityFor(id, requested, rules);
                EndorsementVisibility current =
                        rules.isHidden(id.organizationId()) ? EndorsementVisibility.COUNTED : visibility;
                if (wanted != current) {
                    throw DomainRuleViolation.conflict(
                            "visibility-differs",
                            "already endorsed with another visibility; change it through the endorsement's visibility");
                }
            }
            // Only the organization re-confirms: an admin who records an import again (a second run of the same
            // letter, after an amendment) must not move signatures collected for an earlier text to a new one.
            if (caller.isAdmin() || assurances.contentHashOf(id.statementId()).equals(endorsedContentHash)) {
                return new EndorsementOutcome(false, getVersion());
            }
            return reconfirm(command, caller, claimedHash, rules, assurances);
        }
        String contentHash = rules.contentHashOfOpenStatement(id.statementId());
        String organizationName = rules.nameOfActiveOrganization(id.organizationId());
        if (command.entryNumber() != null && command.entryNumber() < 1) {
            throw DomainRuleViolation.invalid("invalid-entry-number", "entry number must be positive");
        }
        String readHash = readContentHash(id, claimedHash, contentHash, assurances);
        AssuranceLevel assurance = assuranceOf(command, caller, contentHash, readHash, assurances);
        EndorsementVisibility chosen = renewedVisibility(id, requested, caller, rules);
        String opening = signerOpening != null ? signerOpening : openings.next();
        apply(new EndorsementAdded(
                id.statementId(),
                id.organizationId(),
                organizationName,
                contentHash,
                command.at(),
                caller.auditName(),
                command.source(),
                command.requestId(),
                opening,
                command.entryNumber(),
                chosen,
                command.signature(),
                assurance,
                readHash,
                assurances.keyHistoryOf(id.organizationId())));
        return new EndorsementOutcome(true, getVersion());
    }

    /**
     * An endorsement in force of an earlier version, endorsed again for the version in force: a re-confirmation,
     * which moves the organization's signature to the new version without counting it twice. The statement must be
     * open, and the organization active, as for a first endorsement.
     */
    private EndorsementOutcome reconfirm(
            EndorseStatementCommand command,
            Caller caller,
            String claimedHash,
            SignatoryRules rules,
            AssuranceRules assurances) {
        EndorsementId id = command.endorsementId();
        String contentHash = rules.contentHashOfOpenStatement(id.statementId());
        rules.nameOfActiveOrganization(id.organizationId());
        String readHash = readContentHash(id, claimedHash, contentHash, assurances);
        AssuranceLevel assurance = assuranceOf(command, caller, contentHash, readHash, assurances);
        apply(new EndorsementReconfirmed(
                id.statementId(),
                id.organizationId(),
                contentHash,
                readHash,
                endorsedContentHash,
                command.at(),
                caller.auditName(),
                command.requestId(),
                command.signature(),
                assurance,
                assurances.keyHistoryOf(id.organizationId())));
        return new EndorsementOutcome(true, getVersion());
    }

    /**
     * The visibility the endorser asked for: the request's, or the one its (version 2) signature names when the
     * request names none. A signature over one visibility never stands behind an endorsement recorded with another,
     * so a request that names a visibility other than its signature's is refused.
     */
    private static EndorsementVisibility requestedVisibility(EndorseStatementCommand command) {
        EndorsementVisibility signed =
                command.signature() == null ? null : command.signature().visibility();
        if (signed != null && command.visibility() != null && signed != command.visibility()) {
            throw DomainRuleViolation.rejected(
                    "visibility-differs-from-signature", "the request and its signature name different visibilities");
        }
        return command.visibility() != null ? command.visibility() : signed;
    }

    /** The text the request says its signer read: named by the request, by its signature, or by both alike. */
    private static String claimedContentHash(EndorseStatementCommand command) {
        String named = command.readContentHash();
        String signed = command.signature() == null ? null : command.signature().contentHash();
        if (named != null && signed != null && !named.equals(signed)) {
            throw DomainRuleViolation.invalid(
                    "content-hash-differs", "the request and its signature name different texts");
        }
        return named != null ? named : signed;
    }

    /**
     * The hash of the text the signer read, which must be one of the version in force (its own, or a translation
     * of it): a signer who read another text is told which version is in force. Unnamed, it is the version's own.
     */
    private static String readContentHash(
            EndorsementId id, String claimed, String versionHash, AssuranceRules assurances) {
        if (claimed == null) {
            return versionHash;
        }
        if (!assurances.isTextOf(id.statementId(), versionHash, claimed)) {
            throw DomainRuleViolation.conflict(
                            "stale-content-hash",
                            "the named content hash is not a text of the statement's version in force")
                    .with("currentContentHash", versionHash);
        }
        return claimed;
    }

    private AssuranceLevel assuranceOf(
            EndorseStatementCommand command,
            Caller caller,
            String versionHash,
            String readHash,
            AssuranceRules assurances) {
        EndorsementId id = command.endorsementId();
        if (command.signature() != null) {
            return verified(
                    command.signature(),
                    SignedMessages.Action.ENDORSE,
                    caller,
                    id,
                    versionHash,
                    command.at(),
                    assurances);
        }
        if (assurances.requiresSignatures(id.statementId())) {
            throw DomainRuleViolation.invalid(
                    "signature-required", "this statement takes only endorsements signed with a registered key");
        }
        return unsigned(caller, assurances);
    }

    /** Only a current endorsement has a visibility to change; asking for the one it has changes nothing. */
    @CommandHandler
    public EndorsementOutcome handle(
            ChangeEndorsementVisibilityCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller,
            SignatoryRules rules) {
        EndorsementId id = command.endorsementId();
        if (invalidated) {
            throw DomainRuleViolation.conflict(
                    "endorsement-invalidated", "an admin invalidated this endorsement; its visibility cannot change");
        }
        if (!endorsed) {
            throw DomainRuleViolation.conflict("not-endorsed", "there is no endorsement whose visibility could change");
        }
        if (command.visibility() == null) {
            throw DomainRuleViolation.invalid("invalid-visibility", "visibility is required");
        }
        EndorsementVisibility wanted = visibilityFor(id, command.visibility(), rules);
        if (wanted == visibility) {
            return new EndorsementOutcome(false, getVersion());
        }
        apply(new EndorsementVisibilityChanged(
                id.statementId(), id.organizationId(), wanted, command.at(), caller.auditName(), command.requestId()));
        return new EndorsementOutcome(true, getVersion());
    }

    @CommandHandler
    public EndorsementOutcome handle(
            WithdrawEndorsementCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller,
            AssuranceRules assurances) {
        EndorsementId id = command.endorsementId();
        if (!endorsed && !(invalidated && !withdrawnWhileInvalidated)) {
            throw DomainRuleViolation.conflict("not-endorsed", "there is no endorsement to withdraw");
        }
        String reason = TextRules.singleLine(command.reason(), "reason", MAX_REASON_LENGTH, false);
        // Withdrawing is never refused for want of a signature: an organization under threat may have lost its key.
        AssuranceLevel assurance = command.signature() == null
                ? unsigned(caller, assurances)
                : verified(
                        command.signature(),
                        SignedMessages.Action.WITHDRAW,
                        caller,
                        id,
                        assurances.contentHashOf(id.statementId()),
                        command.at(),
                        assurances);
        if (invalidated) {
            // The organization can always take its name back, also from an endorsement an admin invalidated. That
            // one counts nowhere, so its withdrawal is an event of its own that no count reads; the invalidation
            // stands, so the organization cannot endorse again past it, and a reinstatement has nothing to count.
            apply(new InvalidatedEndorsementWithdrawn(
                    id.statementId(),
                    id.organizationId(),
                    reason,
                    command.at(),
                    caller.auditName(),
                    command.requestId(),
                    command.signature(),
                    assurance));
            return new EndorsementOutcome(true, getVersion());
        }
        apply(new EndorsementWithdrawn(
                id.statementId(),
                id.organizationId(),
                reason,
                command.at(),
                caller.auditName(),
                command.requestId(),
                command.signature(),
                assurance,
                assurances.keyHistoryOf(id.organizationId())));
        return new EndorsementOutcome(true, getVersion());
    }

    /**
     * Only a counted endorsement can be invalidated; invalidating it again changes nothing (a bulk job that is
     * applied twice records each invalidation once).
     */
    @CommandHandler
    public EndorsementOutcome handle(
            InvalidateEndorsementCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller) {
        requireAdmin(caller);
        EndorsementId id = command.endorsementId();
        if (command.category() == null) {
            throw DomainRuleViolation.invalid("invalid-category", "category is required");
        }
        String reason = TextRules.singleLine(command.reason(), "reason", MAX_REASON_LENGTH, true);
        if (invalidated) {
            return new EndorsementOutcome(false, getVersion());
        }
        if (!endorsed) {
            throw DomainRuleViolation.conflict("not-endorsed", "there is no counted endorsement to invalidate");
        }
        apply(new EndorsementInvalidated(
                id.statementId(),
                id.organizationId(),
                command.category(),
                reason,
                command.at(),
                caller.auditName(),
                command.requestId()));
        return new EndorsementOutcome(true, getVersion());
    }

    @CommandHandler
    public EndorsementOutcome handle(
            ReinstateEndorsementCommand command,
            @MetaDataValue(value = CallerMetaData.KEY, required = true) Caller caller,
            AssuranceRules assurances) {
        requireAdmin(caller);
        EndorsementId id = command.endorsementId();
        String reason = TextRules.singleLine(command.reason(), "reason", MAX_REASON_LENGTH, false);
        if (!invalidated) {
            throw DomainRuleViolation.conflict("not-invalidated", "the endorsement is not invalidated");
        }
        if (withdrawnWhileInvalidated) {
            throw DomainRuleViolation.conflict(
                    "endorsement-withdrawn",
                    "the organization withdrew this endorsement after its invalidation; there is nothing to count again");
        }
        // The endorsement counts again because an admin says so: it reads no higher than what an admin vouches for,
        // while its signature, if it has one, stays recorded and shown.
        apply(new EndorsementReinstated(
                id.statementId(),
                id.organizationId(),
                reason,
                command.at(),
                caller.auditName(),
                command.requestId(),
                EndorsementReinstated.levelAfter(this.assurance),
                assurances.keyHistoryOf(id.organizationId())));
        return new EndorsementOutcome(true, getVersion());
    }

    @EventSourcingHandler
    void on(EndorsementInvalidated event) {
        this.endorsed = false;
        this.invalidated = true;
    }

    @EventSourcingHandler
    void on(EndorsementReinstated event) {
        this.endorsed = true;
        this.invalidated = false;
        if (event.assurance() != null) {
            this.assurance = event.assurance();
        }
    }

    @EventSourcingHandler
    void on(InvalidatedEndorsementWithdrawn event) {
        this.withdrawnWhileInvalidated = true;
        if (event.signature() != null) {
            usedNonces.add(event.signature().nonce());
        }
    }

    /** The request rules let only the admin here; the aggregate holds to it whoever sends the command. */
    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw DomainRuleViolation.forbidden("admin-only", "only an admin moderates endorsements");
        }
    }

    @EventSourcingHandler
    void on(EndorsementAdded event) {
        this.endorsementId = new EndorsementId(event.statementId(), event.organizationId()).value();
        this.endorsed = true;
        this.endorsedContentHash = event.contentHash();
        this.signerOpening = event.signerOpening();
        this.visibility = EndorsementVisibility.orDefault(event.visibility());
        this.assurance = event.assurance();
        if (event.signature() != null) {
            usedNonces.add(event.signature().nonce());
        }
    }

    @EventSourcingHandler
    void on(EndorsementReconfirmed event) {
        this.endorsedContentHash = event.contentHash();
        this.assurance = event.assurance();
        if (event.signature() != null) {
            usedNonces.add(event.signature().nonce());
        }
    }

    @EventSourcingHandler
    void on(EndorsementWithdrawn event) {
        this.endorsed = false;
        if (event.signature() != null) {
            usedNonces.add(event.signature().nonce());
        }
    }

    /**
     * The assurance of a signed request, or a rule violation, in this order: a signing time outside the window
     * (400), a content hash that is no text of the statement's version in force (409, naming the version's), a key the organization does
     * not hold now (400), a signature that does not verify (400), a nonce already accepted (409). Only after the
     * signature verified does a replay show as one, so nobody learns which nonces were used by guessing.
     */
    private AssuranceLevel verified(
            ActionSignature signature,
            SignedMessages.Action action,
            Caller caller,
            EndorsementId id,
            String currentContentHash,
            Instant now,
            AssuranceRules assurances) {
        AssuranceLevel level = verifiedSignature(signature, action, caller, id, currentContentHash, now, assurances);
        if (usedNonces.contains(signature.nonce())) {
            throw DomainRuleViolation.conflict(
                    "replayed-signature", "this signed request was accepted before; sign again with a new nonce");
        }
        return level;
    }

    /** The checks of {@link #verified} but the nonce's: for a request that records nothing whatever it carries. */
    private static AssuranceLevel verifiedSignature(
            ActionSignature signature,
            SignedMessages.Action action,
            Caller caller,
            EndorsementId id,
            String currentContentHash,
            Instant now,
            AssuranceRules assurances) {
        if (caller.isAdmin()) {
            throw DomainRuleViolation.rejected(
                    "signature-for-organizations-only", "an admin records unsigned imports only");
        }
        SigningTime.requireWithinWindow(signature.signedAt(), now);
        if (!assurances.isTextOf(id.statementId(), currentContentHash, signature.contentHash())) {
            throw DomainRuleViolation.conflict(
                            "stale-content-hash",
                            "the signed content hash is not a text of the statement's version in force")
                    .with("currentContentHash", currentContentHash);
        }
        AssuranceRules.SigningKey key = assurances
                .currentSigningKey(id.organizationId(), signature.keyId())
                .orElseThrow(() -> DomainRuleViolation.rejected(
                        "unknown-signing-key", "the organization has no current signing key with this id"));
        if (!signature.verifies(key.publicKey(), action, id.statementId(), id.organizationId())) {
            throw DomainRuleViolation.rejected("bad-signature", "the signature does not verify");
        }
        return key.assurance();
    }

    private static AssuranceLevel unsigned(Caller caller, AssuranceRules assurances) {
        return caller.isAdmin() ? AssuranceLevel.IMPORTED : assurances.assuranceOfCredential(caller.credentialId());
    }

    @EventSourcingHandler
    void on(EndorsementVisibilityChanged event) {
        this.visibility = event.visibility();
    }

    /**
     * What an endorsement's visibility becomes: the endorser's choice, or the default when it made none; always
     * counted once its organization is hidden, which no one can undo by asking for public.
     */
    private static EndorsementVisibility visibilityFor(
            EndorsementId id, EndorsementVisibility requested, SignatoryRules rules) {
        if (rules.isHidden(id.organizationId())) {
            if (requested == EndorsementVisibility.PUBLIC) {
                throw DomainRuleViolation.conflict(
                        "organization-hidden", "the organization is hidden: none of its endorsements can be public");
            }
            return EndorsementVisibility.COUNTED;
        }
        return requested == null ? EndorsementVisibility.DEFAULT : requested;
    }

    /**
     * The visibility of an endorsement that starts now. A renewal (after a withdrawal) keeps the visibility the
     * endorsement last had unless the endorser asks for another: an organization that chose to be counted must not
     * become public because someone (an admin re-importing a letter, a script that sends no visibility) endorsed
     * again without saying so. Only the organization itself can make public what was counted.
     */
    private EndorsementVisibility renewedVisibility(
            EndorsementId id, EndorsementVisibility requested, Caller caller, SignatoryRules rules) {
        if (visibility == null) {
            return visibilityFor(id, requested, rules);
        }
        if (requested == null) {
            return rules.isHidden(id.organizationId()) ? EndorsementVisibility.COUNTED : visibility;
        }
        if (caller.isAdmin()
                && requested == EndorsementVisibility.PUBLIC
                && visibility == EndorsementVisibility.COUNTED) {
            throw DomainRuleViolation.conflict(
                    "visibility-chosen-by-organization",
                    "the organization chose to be counted without being named; only it can make this public");
        }
        return visibilityFor(id, requested, rules);
    }

    /**
     * The source tells who vouched for the signature: the organization itself through the API, or an admin who
     * records a signature collected elsewhere ({@code imported}). Who may act for which organization at all is
     * decided once, by the request rules, before a command is sent.
     */
    private static void requireSourceOf(Caller caller, EndorsementSource source) {
        if (caller.isAdmin()) {
            if (source != EndorsementSource.IMPORTED) {
                throw DomainRuleViolation.forbidden(
                        "admin-records-imports-only", "an admin records endorsements only as imports");
            }
        } else if (source != EndorsementSource.API) {
            throw DomainRuleViolation.forbidden(
                    "organization-signs-through-api", "an organization endorses through the API");
        }
    }
}
