package org.endorsements.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.endorsements.events.EndorsementVisibility;
import org.endorsements.query.endorsement.Audience;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.SignatoryAt;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.support.Events;
import org.endorsements.query.support.ProjectionFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who the views name, behind the engine on the embedded server: an endorsement's own visibility, and its
 * organization hidden as a whole. Counts never change with either.
 */
class VisibilityProjectionsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-01T11:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-01T12:00:00Z");
    private static final String STATEMENT = Events.STATEMENT;

    private ProjectionFixture store;
    private Events events;
    private EndorsementQueries queries;

    @BeforeEach
    void setUp() {
        store = new ProjectionFixture(Clock.fixed(T3, ZoneOffset.UTC), false);
        events = new Events();
        queries = store.endorsementQueries();
        project(events.published(T0), events.registered("acme", T0), events.registered("shy", T0));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void project(ProjectedEvent... batch) {
        store.project(List.of(batch));
    }

    private List<String> publicNames() {
        return queries.currentSignatories(STATEMENT, null, 0, 100, Audience.PUBLIC).stream()
                .map(EndorsementView::getOrganizationId)
                .toList();
    }

    private List<String> namedAt(Instant at) {
        return queries.signatoriesAt(STATEMENT, at, false).entries().stream()
                .map(SignatoryAt::organizationId)
                .toList();
    }

    @Test
    void aCountedEndorsementCountsButIsNotNamedToThePublic() {
        project(events.added("acme", 0, T1), events.addedAs("shy", 0, T1, EndorsementVisibility.COUNTED));

        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(2);
        assertThat(publicNames()).containsExactly("acme");
        assertThat(queries.countCountedButHidden(STATEMENT, Audience.PUBLIC)).isEqualTo(1);
    }

    @Test
    void auditorsAndTheOrganizationItselfSeeACountedEndorsementNamed() {
        project(events.addedAs("shy", 0, T1, EndorsementVisibility.COUNTED));

        assertThat(queries.currentSignatories(STATEMENT, null, 0, 100, Audience.AUDITOR))
                .extracting(EndorsementView::getOrganizationId)
                .containsExactly("shy");
        assertThat(queries.currentSignatories(STATEMENT, null, 0, 100, new Audience(false, "shy")))
                .extracting(EndorsementView::getOrganizationId)
                .containsExactly("shy");
        assertThat(queries.currentSignatories(STATEMENT, null, 0, 100, new Audience(false, "acme")))
                .isEmpty();
    }

    @Test
    void changingTheVisibilityLaterHidesTheSignatoryAndChangesNoCount() {
        project(events.added("acme", 0, T1));
        long before = store.statement(STATEMENT).getCurrentCount();

        project(events.visibilityChanged("acme", 1, T2, EndorsementVisibility.COUNTED));

        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(before);
        assertThat(publicNames()).isEmpty();
        assertThat(store.endorsement(STATEMENT + ":acme").getVisibility()).isEqualTo("counted");
    }

    @Test
    void aHiddenOrganizationLeavesEveryPublicListAtOnceThePastIncluded() {
        project(events.added("acme", 0, T1), events.added("shy", 0, T1));
        assertThat(namedAt(T2)).containsExactlyInAnyOrder("acme", "shy");

        project(events.hidden("shy", 2, T3));

        assertThat(publicNames()).containsExactly("acme");
        assertThat(namedAt(T2)).containsExactly("acme");
        assertThat(queries.signatoriesAt(STATEMENT, T2, false).countedButHidden())
                .isEqualTo(1);
        assertThat(queries.signatoriesAt(STATEMENT, T2, true).entries()).hasSize(2);
        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(2);
    }

    @Test
    void aHideProjectedBeforeTheEndorsementsItCoversStillHidesThem() {
        // the organization's partition may be read ahead of the statement's
        project(events.hidden("shy", 2, T1));
        project(events.added("shy", 0, T2));

        assertThat(publicNames()).isEmpty();
        assertThat(queries.countCountedButHidden(STATEMENT, Audience.PUBLIC)).isEqualTo(1);
    }

    @Test
    void searchFindsNoHiddenSignatory() {
        project(events.added("shy", 0, T1), events.hidden("shy", 2, T2));

        assertThat(queries.currentSignatories(STATEMENT, "shy", 0, 100, Audience.PUBLIC))
                .isEmpty();
        assertThat(queries.countCurrent(STATEMENT, "shy", Audience.PUBLIC)).isZero();
    }

    @Test
    void aWithdrawnHiddenSignatoryIsWithheldNotCountedAsHidden() {
        project(events.added("shy", 0, T1), events.withdrawn("shy", 1, T2), events.hidden("shy", 2, T2));

        EndorsementQueries.SignatoriesAt then = queries.signatoriesAt(STATEMENT, T1, false);
        assertThat(then.entries()).isEmpty();
        assertThat(then.withheld()).isEqualTo(1);
        assertThat(then.countedButHidden()).isZero();
    }

    @Test
    void theOrganizationsViewRecordsTheHideAndEachEndorsementsVisibility() {
        project(
                events.addedAs("shy", 0, T1, EndorsementVisibility.COUNTED),
                events.hidden("shy", 2, T2),
                events.hidden("shy", 2, T2));

        assertThat(store.organization("shy").isHidden()).isTrue();
        assertThat(store.organization("shy").getStatements().get(STATEMENT).counted())
                .isTrue();
        assertThat(store.organizations().hiddenIds()).containsExactly("shy");
    }

    @Test
    void aVisibilityChangeAndAHideAreInTheAuditTrail() {
        project(
                events.added("acme", 0, T1),
                events.visibilityChanged("acme", 1, T2, EndorsementVisibility.COUNTED),
                events.hidden("acme", 2, T2));

        assertThat(store.auditEntries())
                .filteredOn(e -> "acme".equals(e.organizationId()))
                .extracting(e -> e.type())
                .contains("org.endorsements.EndorsementVisibilityChanged.v1", "org.endorsements.OrganizationHidden.v2");
    }

    @Test
    void aPastListShowsWhatTheAuditTrailRecordedVouchedForEachSignatory() {
        project(events.signed("acme", 0, T1, "k1"), events.added("shy", 0, T1), events.added("letter", 0, T1, 4));

        assertThat(queries.signatoriesAt(STATEMENT, T2, true).entries())
                .extracting(SignatoryAt::organizationId, SignatoryAt::assurance, SignatoryAt::signingKeyId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("acme", "organization-key", "k1"),
                        org.assertj.core.groups.Tuple.tuple("shy", "organization-credential", null),
                        org.assertj.core.groups.Tuple.tuple("letter", "imported", null));
    }
}
