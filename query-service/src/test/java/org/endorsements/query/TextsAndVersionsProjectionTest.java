package org.endorsements.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.SignatoryAt;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.statement.StatementView;
import org.endorsements.query.support.Events;
import org.endorsements.query.support.ProjectionFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A statement's translations and versions, re-confirmations and organization profiles, through the projections as
 * the service runs them (on the embedded server, in process).
 */
class TextsAndVersionsProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-01T11:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-01T12:00:00Z");
    private static final String STATEMENT = Events.STATEMENT;

    private ProjectionFixture store;
    private Events events;

    @BeforeEach
    void setUp() {
        store = new ProjectionFixture(Clock.fixed(T3, ZoneOffset.UTC));
        events = new Events();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void project(ProjectedEvent... batch) {
        store.project(List.of(batch));
    }

    @Test
    void aTranslationIsListedWithItsOwnHashLinkedToItsVersion() {
        project(events.published(T0), events.translationAdded(1, T1));

        StatementView statement = store.statement(STATEMENT);
        assertThat(statement.getTexts()).singleElement().satisfies(text -> {
            assertThat(text.contentHash()).isEqualTo(Events.TRANSLATION_HASH);
            assertThat(text.versionContentHash()).isEqualTo(Events.HASH);
            assertThat(text.translator()).isEqualTo("Ana Pérez");
            assertThat(text.language()).isEqualTo("es");
        });
        assertThat(statement.getContentHash()).isEqualTo(Events.HASH);
    }

    @Test
    void aSignerWhoReadATranslationIsListedWithBothHashes() {
        project(
                events.published(T0),
                events.translationAdded(1, T1),
                events.addedHavingRead("provea", 0, T1, Events.TRANSLATION_HASH));

        EndorsementView endorsement = store.endorsement(STATEMENT + ":provea");
        assertThat(endorsement.getContentHash()).isEqualTo(Events.HASH);
        assertThat(endorsement.getReadContentHash()).isEqualTo(Events.TRANSLATION_HASH);
    }

    @Test
    void anAmendmentPutsTheNewVersionInForceAndKeepsTheOldOneInTheHistory() {
        project(events.published(T0), events.amended(1, T2));

        StatementView statement = store.statement(STATEMENT);
        assertThat(statement.getVersion()).isEqualTo(2);
        assertThat(statement.getContentHash()).isEqualTo(Events.HASH_V2);
        assertThat(statement.getBody()).isEqualTo("Body, amended");
        assertThat(statement.getVersions())
                .extracting(StatementView.Version::contentHash)
                .containsExactly(Events.HASH, Events.HASH_V2);
        assertThat(statement.versionAt(T1).orElseThrow().version()).isEqualTo(1);
        assertThat(statement.versionAt(T2).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void endorsementsOfTheOldVersionStayCountedUnderItUntilTheyReconfirm() {
        project(
                events.published(T0),
                events.added("provea", 0, T1),
                events.added("cofavic", 0, T1),
                events.amended(1, T2),
                events.reconfirmed("provea", 1, T2));

        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(2);
        assertThat(store.endorsementQueries().currentSignatoriesOf(STATEMENT, Events.HASH))
                .isEqualTo(1);
        assertThat(store.endorsementQueries().currentSignatoriesOf(STATEMENT, Events.HASH_V2))
                .isEqualTo(1);
    }

    @Test
    void aReconfirmationIsNoNewSignatureItKeepsItsPlaceAndFirstDate() {
        project(events.published(T0), events.added("provea", 0, T1), events.amended(1, T2));
        project(events.reconfirmed("provea", 1, T2));

        StatementView statement = store.statement(STATEMENT);
        assertThat(statement.getTotalAdded()).isEqualTo(1);
        EndorsementView endorsement = store.endorsement(STATEMENT + ":provea");
        assertThat(endorsement.getContentHash()).isEqualTo(Events.HASH_V2);
        assertThat(endorsement.getEndorsedAt()).isEqualTo(T1);
        assertThat(endorsement.getReconfirmedAt()).isEqualTo(T2);
    }

    @Test
    void theSignatoriesAsOfAnInstantSayWhichVersionEachHadSignedThen() {
        project(
                events.published(T0),
                events.added("provea", 0, T1),
                events.amended(1, T2),
                events.reconfirmed("provea", 1, T2.plusSeconds(60)));

        List<SignatoryAt> before =
                store.endorsementQueries().signatoriesAt(STATEMENT, T2, true).entries();
        List<SignatoryAt> after =
                store.endorsementQueries().signatoriesAt(STATEMENT, T3, true).entries();

        assertThat(before).extracting(SignatoryAt::contentHash).containsExactly(Events.HASH);
        assertThat(after).extracting(SignatoryAt::contentHash).containsExactly(Events.HASH_V2);
    }

    @Test
    void aReconfirmationBeforeAWithdrawalDoesNotCarryOverToALaterEndorsement() {
        project(
                events.published(T0),
                events.added("provea", 0, T1),
                events.amended(1, T1.plusSeconds(60)),
                events.reconfirmed("provea", 1, T1.plusSeconds(120)),
                events.withdrawn("provea", 2, T2),
                events.addedHavingRead("provea", 3, T2.plusSeconds(60), Events.HASH));

        assertThat(store.endorsementQueries().signatoriesAt(STATEMENT, T3, true).entries())
                .extracting(SignatoryAt::contentHash)
                .containsExactly(Events.HASH);
    }

    @Test
    void aProfileUpdateReplacesTheRegisteredProfile() {
        project(events.registered("provea", T0), events.profileUpdated("provea", 3, T1, "CO", "union"));

        OrganizationView organization = store.organization("provea");
        assertThat(organization.getCountry()).isEqualTo("CO");
        assertThat(organization.getKind()).isEqualTo("union");
        assertThat(organization.getRegion()).isNull();
        assertThat(organization.getName()).isEqualTo("Org provea");
    }

    @Test
    void aProfileUpdateDeliveredAgainAfterALaterOneChangesNothing() {
        ProjectedEvent first = events.profileUpdated("provea", 3, T1, "CO", "union");
        project(events.registered("provea", T0), first, events.profileUpdated("provea", 4, T2, "VE", "NGO"));
        project(first);

        assertThat(store.organization("provea").getCountry()).isEqualTo("VE");
    }

    @Test
    void theNewEventsAreInTheAuditTrailWithTheirActors() {
        project(
                events.published(T0),
                events.translationAdded(1, T1),
                events.added("provea", 0, T1),
                events.amended(2, T2),
                events.reconfirmed("provea", 1, T2));

        assertThat(store.auditEntries())
                .filteredOn(e -> e.type().contains("Reconfirmed"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.statementId()).isEqualTo(STATEMENT);
                    assertThat(e.organizationId()).isEqualTo("provea");
                    assertThat(e.payload().getString("previousContentHash")).isEqualTo(Events.HASH);
                });
        assertThat(store.auditEntries())
                .filteredOn(e -> e.type().contains("StatementTranslationAdded")
                        || e.type().contains("StatementAmended"))
                .extracting(e -> e.actor())
                .containsExactly("admin", "admin");
    }
}
