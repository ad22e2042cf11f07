package org.endorsements.query.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ConsistencyTokenTest {

    private static String token(String raw) {
        return Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenOfAnAggregateTypeTheViewsKnowIsRead() {
        assertThat(ConsistencyGate.Token.parse(token("v1|Endorsement|s:o|3")))
                .isEqualTo(new ConsistencyGate.Token("Endorsement", "s:o", 3));
    }

    @Test
    void aTokenOfAMadeUpAggregateTypeIsRefusedWith400RatherThanWaitedFor() {
        assertThatThrownBy(() -> ConsistencyGate.Token.parse(token("v1|Nothing|x|" + Long.MAX_VALUE)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
}
