package org.endorsements.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.endorsements.events.EndorsementWithdrawn;
import org.endorsements.events.EventMessageFormat;
import org.endorsements.events.InvalidatedEndorsementWithdrawn;
import org.junit.jupiter.api.Test;

class VerifyLogEventNamesTest {

    @Test
    void theWithdrawalOfAnInvalidatedEndorsementIsNotReadAsAWithdrawal() {
        assertThat(VerifyLogCommand.eventName(EventMessageFormat.typeOf(InvalidatedEndorsementWithdrawn.class)))
                .isEqualTo("InvalidatedEndorsementWithdrawn")
                .isNotEqualTo(VerifyLogCommand.eventName(EventMessageFormat.typeOf(EndorsementWithdrawn.class)));
    }

    @Test
    void aTypeOfAnyVersionIsReadByItsName() {
        assertThat(VerifyLogCommand.eventName("org.endorsements.EndorsementAdded.v2"))
                .isEqualTo("EndorsementAdded");
    }
}
