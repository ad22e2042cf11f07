package org.endorsements.query.support;

import java.time.Instant;
import java.util.UUID;
import org.endorsements.events.ActionSignature;
import org.endorsements.events.AssuranceLevel;
import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementEvent;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReconfirmed;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementSource;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.events.EndorsementVisibilityChanged;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.InvalidationCategory;
import org.endorsements.events.OrganizationHidden;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.events.OrganizationProfileUpdated;
import org.endorsements.events.OrganizationRegistered;
import org.endorsements.events.SigningKeyId;
import org.endorsements.events.StatementAmended;
import org.endorsements.events.StatementClosed;
import org.endorsements.events.StatementGoalReached;
import org.endorsements.events.StatementId;
import org.endorsements.events.StatementPublished;
import org.endorsements.events.StatementTargetsSet;
import org.endorsements.events.StatementTranslationAdded;
import org.endorsements.query.projection.ProjectedEvent;

/** Builds events as they arrive from the topic: a statement's events on one partition, offsets increasing. */
public final class Events {

    public static final String STATEMENT = "icc-statement";
    public static final String HASH = "c".repeat(64);
    /** A translation of the first version. */
    public static final String TRANSLATION_HASH = "e".repeat(64);
    /** The second version's text of record. */
    public static final String HASH_V2 = "d".repeat(64);

    public static final int PARTITION = 3;
    /** Organization events are keyed by the organization: another partition than the statement's. */
    public static final int ORGANIZATION_PARTITION = 4;

    private long nextOffset;
    private long nextOrganizationOffset;

    public ProjectedEvent published(Instant at) {
        return event(
                new StatementPublished(StatementId.of(STATEMENT), "Title", "Body", "en", HASH, at, "admin", null, null),
                "Statement",
                STATEMENT,
                0,
                at);
    }

    public ProjectedEvent registered(String organization, Instant at) {
        return event(
                new OrganizationRegistered(
                        OrganizationId.of(organization),
                        "Org " + organization,
                        "VE",
                        "Zulia",
                        "NGO",
                        null,
                        at,
                        "admin"),
                "Organization",
                organization,
                0,
                at);
    }

    public ProjectedEvent added(String organization, long sequence, Instant at) {
        return added(organization, sequence, at, null);
    }

    public ProjectedEvent addedAs(String organization, long sequence, Instant at, EndorsementVisibility visibility) {
        return event(
                new EndorsementAdded(
                        StatementId.of(STATEMENT),
                        OrganizationId.of(organization),
                        "Org " + organization,
                        HASH,
                        at,
                        "credential:c-" + organization,
                        EndorsementSource.API,
                        "req",
                        "ab".repeat(32),
                        null,
                        visibility,
                        null,
                        null,
                        null),
                "Endorsement",
                STATEMENT + ":" + organization,
                sequence,
                at);
    }

    /** An endorsement signed with the organization's key {@code keyId} (the signature's bytes are not checked here). */
    public ProjectedEvent signed(String organization, long sequence, Instant at, String keyId) {
        return event(
                new EndorsementAdded(
                        StatementId.of(STATEMENT),
                        OrganizationId.of(organization),
                        "Org " + organization,
                        HASH,
                        at,
                        "credential:c-" + organization,
                        EndorsementSource.API,
                        "req",
                        "ab".repeat(32),
                        null,
                        EndorsementVisibility.DEFAULT,
                        new ActionSignature(
                                SigningKeyId.of(keyId),
                                HASH,
                                at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                                "n".repeat(16),
                                java.util.Base64.getEncoder().encodeToString(new byte[64])),
                        AssuranceLevel.ORGANIZATION_KEY,
                        null),
                "Endorsement",
                STATEMENT + ":" + organization,
                sequence,
                at);
    }

    public ProjectedEvent visibilityChanged(
            String organization, long sequence, Instant at, EndorsementVisibility visibility) {
        return event(
                new EndorsementVisibilityChanged(
                        StatementId.of(STATEMENT),
                        OrganizationId.of(organization),
                        visibility,
                        at,
                        "credential:c-" + organization,
                        "req"),
                "Endorsement",
                STATEMENT + ":" + organization,
                sequence,
                at);
    }

    /** Erasure of the organization's personal data, as its event at {@code sequence}. */
    public ProjectedEvent erased(String organization, long sequence, Instant at) {
        OrganizationPersonalDataErased event = new OrganizationPersonalDataErased(
                OrganizationId.of(organization), null, at, "credential:c-" + organization);
        return new ProjectedEvent(
                UUID.randomUUID().toString(),
                EventMessageFormat.typeOf(OrganizationPersonalDataErased.class),
                "Organization",
                organization,
                sequence,
                at,
                ORGANIZATION_PARTITION,
                nextOrganizationOffset++,
                event,
                EventMessageFormat.encode(event));
    }

    /** "Hide us now", as the organization's event at {@code sequence} (its private events leave holes). */
    public ProjectedEvent hidden(String organization, long sequence, Instant at) {
        OrganizationHidden event =
                new OrganizationHidden(OrganizationId.of(organization), null, at, "credential:c-" + organization);
        return new ProjectedEvent(
                UUID.randomUUID().toString(),
                EventMessageFormat.typeOf(OrganizationHidden.class),
                "Organization",
                organization,
                sequence,
                at,
                ORGANIZATION_PARTITION,
                nextOrganizationOffset++,
                event,
                EventMessageFormat.encode(event));
    }

    public ProjectedEvent added(String organization, long sequence, Instant at, Integer entryNumber) {
        return event(
                new EndorsementAdded(
                        StatementId.of(STATEMENT),
                        OrganizationId.of(organization),
                        "Org " + organization,
                        HASH,
                        at,
                        "credential:c-" + organization,
                        entryNumber == null ? EndorsementSource.API : EndorsementSource.IMPORTED,
                        "req",
                        "ab".repeat(32),
                        entryNumber,
                        EndorsementVisibility.DEFAULT,
                        null,
                        null,
                        null),
                "Endorsement",
                STATEMENT + ":" + organization,
                sequence,
                at);
    }

    public ProjectedEvent translationAdded(long sequence, Instant at) {
        return event(
                new StatementTranslationAdded(
                        StatementId.of(STATEMENT),
                        HASH,
                        "es",
                        "Título",
                        "Texto",
                        "Ana Pérez",
                        false,
                        TRANSLATION_HASH,
                        at,
                        "admin"),
                "Statement",
                STATEMENT,
                sequence,
                at);
    }

    public ProjectedEvent amended(long sequence, Instant at) {
        return event(
                new StatementAmended(
                        StatementId.of(STATEMENT), 2, "Title", "Body, amended", "en", HASH_V2, HASH, at, "admin"),
                "Statement",
                STATEMENT,
                sequence,
                at);
    }

    /** An endorsement of the first version by a signer who read its translation. */
    public ProjectedEvent addedHavingRead(String organization, long sequence, Instant at, String readContentHash) {
        return event(
                new EndorsementAdded(
                        StatementId.of(STATEMENT),
                        OrganizationId.of(organization),
                        "Org " + organization,
                        HASH,
                        at,
                        "credential:c-" + organization,
                        EndorsementSource.API,
                        "req",
                        "ab".repeat(32),
                        null,
                        EndorsementVisibility.DEFAULT,
                        null,
                        null,
                        readContentHash),
                "Endorsement",
                STATEMENT + ":" + organization,
                sequence,
                at);
    }

    /** The organization's endorsement of the first version moves to the second. */
    public ProjectedEvent reconfirmed(String organization, long sequence, Instant at) {
        return event(
                new EndorsementReconfirmed(
                        StatementId.of(STATEMENT),
                        OrganizationId.of(organization),
                        HASH_V2,
                        HASH_V2,
                        HASH,
                        at,
                        "credential:c-" + organization,
                        "req",
                        null,
                        AssuranceLevel.ORGANIZATION_CREDENTIAL),
                "Endorsement",
                STATEMENT + ":" + organization,
                sequence,
                at);
    }

    /** The organization's profile as the event at {@code sequence} of its aggregate sets it. */
    public ProjectedEvent profileUpdated(String organization, long sequence, Instant at, String country, String kind) {
        OrganizationProfileUpdated event = new OrganizationProfileUpdated(
                OrganizationId.of(organization), country, null, kind, null, at, "credential:c-" + organization);
        return new ProjectedEvent(
                UUID.randomUUID().toString(),
                EventMessageFormat.typeOf(OrganizationProfileUpdated.class),
                "Organization",
                organization,
                sequence,
                at,
                ORGANIZATION_PARTITION,
                nextOrganizationOffset++,
                event,
                EventMessageFormat.encode(event));
    }

    public ProjectedEvent withdrawn(String organization, long sequence, Instant at) {
        return event(
                new EndorsementWithdrawn(
                        StatementId.of(STATEMENT),
                        OrganizationId.of(organization),
                        "reason",
                        at,
                        "credential:c-" + organization,
                        "req"),
                "Endorsement",
                STATEMENT + ":" + organization,
                sequence,
                at);
    }

    /** The statement's goal and closing time, as its event at {@code sequence}. */
    public ProjectedEvent targetsSet(Integer goal, Instant closesAt, long sequence, Instant at) {
        return event(
                new StatementTargetsSet(StatementId.of(STATEMENT), goal, closesAt, at, "admin"),
                "Statement",
                STATEMENT,
                sequence,
                at);
    }

    public ProjectedEvent goalReached(int goal, long count, long sequence, Instant at) {
        return event(
                new StatementGoalReached(StatementId.of(STATEMENT), goal, count, at),
                "Statement",
                STATEMENT,
                sequence,
                at);
    }

    public ProjectedEvent closed(String by, long sequence, Instant at) {
        return event(new StatementClosed(StatementId.of(STATEMENT), at, by), "Statement", STATEMENT, sequence, at);
    }

    public ProjectedEvent invalidated(String organization, long sequence, Instant at) {
        return event(
                new EndorsementInvalidated(
                        StatementId.of(STATEMENT),
                        OrganizationId.of(organization),
                        InvalidationCategory.FORGED,
                        "not signed by them",
                        at,
                        "admin",
                        "job-1"),
                "Endorsement",
                STATEMENT + ":" + organization,
                sequence,
                at);
    }

    public ProjectedEvent reinstated(String organization, long sequence, Instant at) {
        return event(
                new EndorsementReinstated(
                        StatementId.of(STATEMENT), OrganizationId.of(organization), "genuine", at, "admin", "req"),
                "Endorsement",
                STATEMENT + ":" + organization,
                sequence,
                at);
    }

    /** A reinstatement that says what vouches for the endorsement from now on (revision 2). */
    public ProjectedEvent reinstatedAt(String organization, long sequence, Instant at, AssuranceLevel assurance) {
        return event(
                new EndorsementReinstated(
                        StatementId.of(STATEMENT),
                        OrganizationId.of(organization),
                        "genuine",
                        at,
                        "admin",
                        "req",
                        assurance),
                "Endorsement",
                STATEMENT + ":" + organization,
                sequence,
                at);
    }

    /** The organization withdrew the endorsement an admin had invalidated. */
    public ProjectedEvent withdrawnWhileInvalidated(String organization, long sequence, Instant at) {
        return event(
                new org.endorsements.events.InvalidatedEndorsementWithdrawn(
                        StatementId.of(STATEMENT),
                        OrganizationId.of(organization),
                        "we never signed it",
                        at,
                        "credential:c-" + organization,
                        "req",
                        null,
                        AssuranceLevel.ORGANIZATION_CREDENTIAL),
                "Endorsement",
                STATEMENT + ":" + organization,
                sequence,
                at);
    }

    /** The same event published again by the relay, later on the topic. */
    public ProjectedEvent republished(ProjectedEvent original) {
        return new ProjectedEvent(
                original.eventId(),
                original.type(),
                original.aggregateType(),
                original.aggregateId(),
                original.sequence(),
                original.time(),
                original.partition(),
                nextOffset++,
                original.event(),
                original.payload());
    }

    private ProjectedEvent event(
            EndorsementEvent event, String aggregateType, String aggregateId, long sequence, Instant at) {
        return new ProjectedEvent(
                UUID.randomUUID().toString(),
                EventMessageFormat.typeOf(event.getClass()),
                aggregateType,
                aggregateId,
                sequence,
                at,
                PARTITION,
                nextOffset++,
                event,
                EventMessageFormat.encode(event));
    }
}
