package org.endorsements.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.endorsements.events.KeyHistoryCommitment;
import org.endorsements.transparency.LogLeaf;
import org.junit.jupiter.api.Test;

/** An organization's key history only grows, so the lengths its leaves commit to do not decrease along the log. */
class VerifyLogCommittedLengthsTest {

    private static final String DIGEST = KeyHistoryCommitment.EMPTY.digest();

    private static byte[] leaf(String eventId, Integer keyHistoryLength) {
        return new LogLeaf(
                        eventId,
                        "EndorsementReconfirmed",
                        "icc",
                        "a1".repeat(32),
                        "2026-12-01T09:00:01Z",
                        "api",
                        LogLeaf.commitment("0a".repeat(32), "provea"),
                        null,
                        null,
                        keyHistoryLength,
                        keyHistoryLength == null ? null : DIGEST)
                .canonicalBytes();
    }

    @Test
    void aLeafCommittingToFewerEntriesThanAnEarlierLeafOfItsOrganizationFailsNamingBoth() throws Exception {
        VerifyLogCommand.CommittedLengths lengths = new VerifyLogCommand.CommittedLengths();
        List<String> failures = new ArrayList<>();
        // Given in audit-trail order; judged in log order.
        lengths.add("provea", 7, "e7", leaf("e7", 4));
        lengths.add("provea", 3, "e3", leaf("e3", 5));

        lengths.check(failures);

        assertThat(failures)
                .containsExactly("the leaf of event e7 commits to 4 key-history entries of provea, fewer than the 5"
                        + " the leaf of event e3 before it in the log commits to: an organization's key history"
                        + " only grows");
    }

    @Test
    void lengthsThatGrowOrStayAlongTheLogAndOtherOrganizationsLeavesPass() throws Exception {
        VerifyLogCommand.CommittedLengths lengths = new VerifyLogCommand.CommittedLengths();
        List<String> failures = new ArrayList<>();
        lengths.add("provea", 1, "e1", leaf("e1", 4));
        lengths.add("cofavic", 2, "e2", leaf("e2", 1));
        lengths.add("provea", 3, "e3", leaf("e3", 4));
        lengths.add("provea", 4, "e4", leaf("e4", null));
        lengths.add("provea", 5, "e5", leaf("e5", 6));

        lengths.check(failures);

        assertThat(failures).isEmpty();
    }
}
