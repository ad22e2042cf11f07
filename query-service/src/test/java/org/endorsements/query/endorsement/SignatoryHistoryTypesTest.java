package org.endorsements.query.endorsement;

import static org.assertj.core.api.Assertions.assertThat;

import org.endorsements.events.EndorsementAdded;
import org.endorsements.events.EndorsementInvalidated;
import org.endorsements.events.EndorsementReinstated;
import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.junit.jupiter.api.Test;

class SignatoryHistoryTypesTest {

    @Test
    void theHistorysTypeNamesAreTheTopicsCurrentOnes() {
        assertThat(SignatoryHistory.ADDED).isEqualTo(EventMessageFormat.typeOf(EndorsementAdded.class));
        assertThat(SignatoryHistory.WITHDRAWN).isEqualTo(EventMessageFormat.typeOf(EndorsementWithdrawn.class));
        assertThat(SignatoryHistory.INVALIDATED).isEqualTo(EventMessageFormat.typeOf(EndorsementInvalidated.class));
        assertThat(SignatoryHistory.REINSTATED).isEqualTo(EventMessageFormat.typeOf(EndorsementReinstated.class));
    }
}
