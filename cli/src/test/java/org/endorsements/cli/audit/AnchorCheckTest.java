package org.endorsements.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.endorsements.events.KeyHistory;
import org.endorsements.events.OrganizationId;
import org.endorsements.events.SigningKeyId;
import org.junit.jupiter.api.Test;

class AnchorCheckTest {

    private static final String FINGERPRINT = "ab".repeat(32);

    /**
     * Once the organization has published an anchor, a claim whose first key cannot be found proves nothing against
     * it, and fails even without {@code --require-anchors}.
     */
    @Test
    void aClaimOfAnAnchoredOrganizationWithoutAFirstKeyFailsWithoutRequireAnchors() {
        AnchorCheck check = new AnchorCheck(
                Anchors.parse(List.of("provea " + FINGERPRINT + " provea's site"), "anchors.txt"), false, false);
        List<String> failures = new ArrayList<>();

        check.check("the latest leaf 0", new KeyHistory(OrganizationId.of("provea")), SigningKeyId.of("k2"), failures);

        assertThat(failures)
                .containsExactly("the latest leaf 0: claims organization-key, but no first key of provea is found in"
                        + " the key history, and provea has an anchor from provea's site");
    }
}
