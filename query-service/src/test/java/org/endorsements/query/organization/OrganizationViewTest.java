package org.endorsements.query.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The organization's view as a plain object: per statement, the latest endorsement state and its visibility. */
class OrganizationViewTest {

    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-01T11:00:00Z");

    @Test
    void aWithdrawalKeepsTheVisibilityTheEndorsementHad() {
        OrganizationView view = OrganizationView.placeholder("shy");
        view.signature("s", true, T1, 0, "counted");
        view.signature("s", false, T2, 1, null);

        assertThat(view.getStatements().get("s").counted()).isTrue();
        assertThat(view.getStatements().get("s").endorsed()).isFalse();
    }

    @Test
    void anOlderVisibilityChangeArrivingLateChangesNothing() {
        OrganizationView view = OrganizationView.placeholder("shy");
        view.signature("s", true, T1, 0, "public");
        view.visibility("s", "counted", 2);
        view.visibility("s", "public", 1);

        assertThat(view.getStatements().get("s").visibility()).isEqualTo("counted");
    }

    @Test
    void aHiddenOrganizationStaysHidden() {
        OrganizationView view = OrganizationView.placeholder("shy");
        view.hidden(2);

        assertThat(view.isHidden()).isTrue();
        assertThat(view.getSequence()).isEqualTo(2);
    }

    @Test
    void anErasedOrganizationKeepsNoPersonalDataAndIsHidden() {
        OrganizationView view = OrganizationView.placeholder("org-aaaabbbbccccdddd");
        view.registered("Brave Org", "VE", "Zulia", "NGO", "https://brave.example", T1, 0);
        view.handle("brave-org");

        view.erased(4);

        assertThat(view.isErased()).isTrue();
        assertThat(view.isHidden()).isTrue();
        assertThat(view.getName()).isNull();
        assertThat(view.getHandle()).isNull();
        assertThat(view.getCountry()).isNull();
        assertThat(view.getRegion()).isNull();
        assertThat(view.getKind()).isNull();
        assertThat(view.getWebsite()).isNull();
        assertThat(view.getRegisteredAt()).isEqualTo(T1);
    }

    @Test
    void aRegistrationAppliedAgainAfterAnErasureBringsNoNameBack() {
        OrganizationView view = OrganizationView.placeholder("org-aaaabbbbccccdddd");
        view.registered("Brave Org", "VE", "Zulia", "NGO", null, T1, 0);
        view.erased(4);

        view.registered("Brave Org", "VE", "Zulia", "NGO", null, T1, 0);

        assertThat(view.getName()).isNull();
    }
}
