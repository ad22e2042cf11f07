package org.endorsements.query.endorsement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.endorsements.events.EndorsementId;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.StatementId;
import org.junit.jupiter.api.Test;

/** An endorsement's view as a plain object, once its organization is erased. */
class EndorsementViewErasureTest {

    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");

    private static EndorsementView withdrawn() {
        EndorsementView view = EndorsementView.empty(
                new EndorsementId(StatementId.of("s"), OrganizationId.of("org-aaaabbbbccccdddd")));
        view.added("Brave Org", T1, "api", null, "credential:c", "c".repeat(64), "0f".repeat(32), 0, false);
        view.withdrawn(T1, "we were threatened", "credential:c", 1, false);
        return view;
    }

    @Test
    void anErasedOrganizationsEndorsementShowsItAsErasedAndKeepsNoWithdrawalReason() {
        EndorsementView view = withdrawn();

        view.erased();

        assertThat(view.getOrganizationName()).isEqualTo("erased organization");
        assertThat(view.getWithdrawalReason()).isNull();
    }

    @Test
    void erasureKeepsWhatTheCountsAndTheLogRestOn() {
        EndorsementView view = withdrawn();

        view.erased();
        view.erased();

        assertThat(view.getSequence()).isEqualTo(1);
        assertThat(view.isEndorsed()).isFalse();
        assertThat(view.getSignerOpening()).isEqualTo("0f".repeat(32));
        assertThat(view.getOrganizationId()).isEqualTo("org-aaaabbbbccccdddd");
    }
}
