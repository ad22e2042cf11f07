package org.endorsements.query.projection.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.query.shared.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ConsistencyTokenTest {

    private static String token(String raw) {
        return Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenOfAnAggregateTypeTheViewsKnowIsRead() {
        assertThat(ConsistencyGate.parse(token("v1|Endorsement|s:o|3")))
                .isEqualTo(new ConsistencyToken(AggregateType.ENDORSEMENT, "s:o", 3));
    }

    @Test
    void aTokenOfAMadeUpAggregateTypeIsRefusedWith400RatherThanWaitedFor() {
        assertThatThrownBy(() -> ConsistencyGate.parse(token("v1|Nothing|x|" + Long.MAX_VALUE)))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void aValueThatIsNotATokenIsRefusedWith400() {
        assertThatThrownBy(() -> ConsistencyGate.parse("%%%"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
}
