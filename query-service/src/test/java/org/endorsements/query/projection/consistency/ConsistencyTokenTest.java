package org.endorsements.query.projection.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.endorsements.events.AggregateType;
import org.endorsements.events.ConsistencyToken;
import org.endorsements.events.ConsistencyTokenKey;
import org.endorsements.query.shared.web.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The gate as a plain object: which positions it waits for, and which it refuses before looking at the views. */
class ConsistencyTokenTest {

    private static final String ADMIN_KEY = "admin-key-of-both-services";
    private static final ConsistencyTokenKey COMMAND_SIDE = ConsistencyTokenKey.fromConfiguration(null, ADMIN_KEY);

    /** The views as far as the gate asks them: every aggregate has applied sequence 3; each question is kept. */
    private final List<String> asked = new ArrayList<>();

    private final ConsistencyGate gate = new ConsistencyGate(
            (type, id) -> {
                asked.add(type.wireName() + "|" + id);
                return Optional.of(3L);
            },
            new ConsistencyGate.Properties(Duration.ofSeconds(5), 10),
            new ConsistencyGate.TokenProperties(null),
            ADMIN_KEY,
            Runnable::run);

    @AfterEach
    void stopGate() {
        gate.stop();
    }

    private static String token(String raw) {
        return Base64.getUrlEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefusedWith400(String minPosition, ConsistencyGate gate) {
        assertThatThrownBy(() -> gate.read(minPosition, () -> "read"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void aTokenTheCommandSideSignedIsRead() {
        ConsistencyToken written = COMMAND_SIDE.sign(AggregateType.ENDORSEMENT, "s:o", 3);

        assertThat(gate.parse(written.encode())).isEqualTo(written);
    }

    @Test
    void aReadWithASignedPositionTheViewsIncludeIsAnswered() {
        String written =
                COMMAND_SIDE.sign(AggregateType.ORGANIZATION, "hidden-org", 2).encode();

        assertThat(gate.read(written, () -> "read")).isCompletedWithValue("read");
    }

    @Test
    void anUnsignedTokenOfARealAggregateIsRefusedWith400WithoutAskingTheViews() {
        assertRefusedWith400(token("v1|Organization|hidden-org|" + Long.MAX_VALUE), gate);
        assertThat(asked).isEmpty();
    }

    @Test
    void aTokenWhoseSequenceWasRaisedAfterSigningIsRefusedWith400WithoutAskingTheViews() {
        ConsistencyToken signed = COMMAND_SIDE.sign(AggregateType.ORGANIZATION, "hidden-org", 0);
        String forged = new ConsistencyToken(AggregateType.ORGANIZATION, "hidden-org", 40, signed.tag()).encode();

        assertRefusedWith400(forged, gate);
        assertThat(asked).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedWith400() {
        String foreign = ConsistencyTokenKey.fromConfiguration(null, "someone-elses-admin-key")
                .sign(AggregateType.STATEMENT, "s", 1)
                .encode();

        assertRefusedWith400(foreign, gate);
        assertThat(asked).isEmpty();
    }

    @Test
    void aTokenOfAMadeUpAggregateTypeIsRefusedWith400RatherThanWaitedFor() {
        assertRefusedWith400(token("v1|Nothing|x|" + Long.MAX_VALUE), gate);
    }

    @Test
    void aValueThatIsNotATokenIsRefusedWith400() {
        assertRefusedWith400("%%%", gate);
    }
}
