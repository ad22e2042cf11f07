package org.endorsements.events;

/**
 * Every event of the public stream. Each belongs to exactly one statement or organization: {@link #streamKey()} is
 * the Kafka key, which keeps one statement's events in order on one partition.
 */
public sealed interface EndorsementEvent
        permits OrganizationRegistered,
                OrganizationSuspended,
                OrganizationHidden,
                OrganizationPersonalDataErased,
                StatementPublished,
                StatementClosed,
                StatementTargetsSet,
                StatementGoalReached,
                EndorsementAdded,
                EndorsementWithdrawn,
                EndorsementVisibilityChanged,
                EndorsementInvalidated,
                EndorsementReinstated,
                InvalidatedEndorsementWithdrawn,
                SigningKeyRegistered,
                SigningKeyRevoked,
                SigningKeyPinned,
                ApiCredentialIssued,
                ApiCredentialRevoked,
                StatementTranslationAdded,
                StatementAmended,
                EndorsementReconfirmed,
                OrganizationProfileUpdated {

    /** The Kafka record key: the statement id, or the organization id for organization events. */
    String streamKey();
}
