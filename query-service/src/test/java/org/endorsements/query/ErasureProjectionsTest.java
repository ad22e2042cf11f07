package org.endorsements.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.endorsements.events.OrganizationPersonalDataErased;
import org.endorsements.query.audit.AuditEntry;
import org.endorsements.query.endorsement.Audience;
import org.endorsements.query.endorsement.EndorsementView;
import org.endorsements.query.endorsement.SignatoryAt;
import org.endorsements.query.endorsement.persistence.EndorsementQueries;
import org.endorsements.query.organization.OrganizationView;
import org.endorsements.query.projection.ProjectedEvent;
import org.endorsements.query.support.Events;
import org.endorsements.query.support.ProjectionFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure behind the engine on the embedded server: whichever order the organization's erasure and its
 * endorsements' events are read in (they are on different partitions), no view keeps its name, handle, profile or
 * withdrawal reason, for anyone, now or at any instant; the counts do not change.
 */
class ErasureProjectionsTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-01T11:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-01T12:00:00Z");
    private static final String STATEMENT = Events.STATEMENT;
    private static final String ERASED = OrganizationPersonalDataErased.DISPLAY_NAME;
    /** The erased organization's name as {@link Events#registered} gives it. */
    private static final String NAME = "Org shy";

    private ProjectionFixture store;
    private Events events;
    private EndorsementQueries queries;

    @BeforeEach
    void setUp() {
        store = new ProjectionFixture(Clock.fixed(T3, ZoneOffset.UTC), false);
        events = new Events();
        queries = store.endorsementQueries();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void project(ProjectedEvent... batch) {
        store.project(List.of(batch));
    }

    private List<String> namesTo(Audience audience) {
        return queries.currentSignatories(STATEMENT, null, 0, 100, audience).stream()
                .map(EndorsementView::getOrganizationName)
                .toList();
    }

    private List<String> namesAt(Instant at, boolean auditor) {
        return queries.signatoriesAt(STATEMENT, at, auditor).entries().stream()
                .map(SignatoryAt::name)
                .toList();
    }

    /** Every stored audit entry of the organization, as the history shows it. */
    private List<String> auditOf(String organizationId) {
        return store.auditEntries().stream()
                .filter(e -> organizationId.equals(e.organizationId()))
                .map(AuditEntry::payload)
                .map(p -> p == null ? "" : p.toJson())
                .toList();
    }

    private void assertErasedEverywhere() {
        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(2);
        assertThat(namesTo(Audience.PUBLIC)).containsExactly("Org acme");
        assertThat(queries.countCountedButHidden(STATEMENT, Audience.PUBLIC)).isEqualTo(1);
        assertThat(namesTo(Audience.AUDITOR)).containsExactlyInAnyOrder("Org acme", ERASED);
        assertThat(namesTo(new Audience(false, "shy"))).contains(ERASED).doesNotContain(NAME);
        assertThat(namesAt(T2, false)).containsExactly("Org acme");
        assertThat(namesAt(T2, true)).containsExactlyInAnyOrder("Org acme", ERASED);
        assertThat(queries.currentSignatories(STATEMENT, "shy", 0, 100, Audience.AUDITOR))
                .isEmpty();
        OrganizationView organization = store.organization("shy");
        assertThat(organization.isErased()).isTrue();
        assertThat(organization.isHidden()).isTrue();
        assertThat(organization.getName()).isNull();
        assertThat(organization.getHandle()).isNull();
        assertThat(organization.getCountry()).isNull();
        assertThat(organization.getRegion()).isNull();
        assertThat(organization.getKind()).isNull();
        assertThat(organization.getRegisteredAt()).isEqualTo(T0);
        assertThat(auditOf("shy"))
                .isNotEmpty()
                .allSatisfy(payload -> assertThat(payload)
                        .doesNotContain(NAME)
                        .doesNotContain("Zulia")
                        .doesNotContain("\"handle\"")
                        .doesNotContain("\"country\""));
    }

    @Test
    void anErasureReadAfterTheEndorsementsRemovesTheNameFromEveryViewAndChangesNoCount() {
        project(events.published(T0), events.registered("acme", T0), events.registered("shy", T0));
        project(events.added("acme", 0, T1), events.added("shy", 0, T1));

        project(events.erased("shy", 3, T2));

        assertErasedEverywhere();
    }

    @Test
    void anEndorsementReadAfterItsOrganizationsErasureIsStoredWithoutTheName() {
        project(events.published(T0), events.registered("acme", T0), events.registered("shy", T0));
        project(events.erased("shy", 3, T2));

        project(events.added("acme", 0, T1), events.added("shy", 0, T1));

        assertErasedEverywhere();
    }

    @Test
    void anErasureInTheSameBatchAsTheEndorsementsAppliesToThem() {
        project(
                events.published(T0),
                events.registered("acme", T0),
                events.registered("shy", T0),
                events.erased("shy", 3, T2),
                events.added("acme", 0, T1),
                events.added("shy", 0, T1));

        assertErasedEverywhere();
    }

    @Test
    void anErasedOrganizationsWithdrawalReasonIsKeptNowhere() {
        project(events.published(T0), events.registered("acme", T0), events.registered("shy", T0));
        project(events.added("acme", 0, T1), events.added("shy", 0, T1), events.withdrawn("shy", 1, T1));
        assertThat(store.endorsement(STATEMENT + ":shy").getWithdrawalReason()).isEqualTo("reason");

        project(events.erased("shy", 3, T2));

        assertThat(store.endorsement(STATEMENT + ":shy").getWithdrawalReason()).isNull();
        assertThat(auditOf("shy")).noneMatch(payload -> payload.contains("\"reason\": \"reason\""));
        assertThat(store.statement(STATEMENT).getCurrentCount()).isEqualTo(1);
    }

    @Test
    void aRegistrationReadAgainAfterTheErasureBringsNothingBack() {
        ProjectedEvent registered = events.registered("shy", T0);
        project(events.published(T0), events.registered("acme", T0), registered);
        project(events.added("acme", 0, T1), events.added("shy", 0, T1));
        ProjectedEvent erasure = events.erased("shy", 3, T2);
        project(erasure);

        project(events.republished(registered), erasure);

        assertErasedEverywhere();
    }

    @Test
    void aReplayInAnotherOrderBuildsTheSameErasedViews() {
        ProjectedEvent published = events.published(T0);
        ProjectedEvent acme = events.registered("acme", T0);
        ProjectedEvent shy = events.registered("shy", T0);
        ProjectedEvent acmeAdded = events.added("acme", 0, T1);
        ProjectedEvent shyAdded = events.added("shy", 0, T1);
        ProjectedEvent erasure = events.erased("shy", 3, T2);
        project(published, acme, shy);
        project(acmeAdded, shyAdded);
        project(erasure);
        List<String> auditors = namesTo(Audience.AUDITOR);

        // The organization's own events keep their order (one partition); its endorsements come after its erasure.
        store.nextGeneration();
        project(published, acme, shy, erasure);
        project(acmeAdded, shyAdded);

        assertErasedEverywhere();
        assertThat(namesTo(Audience.AUDITOR)).isEqualTo(auditors);
    }
}
