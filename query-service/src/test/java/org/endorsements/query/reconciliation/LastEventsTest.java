package org.endorsements.query.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LastEventsTest {

    private final LastEvents last = new LastEvents();

    @Test
    void theEventWithTheHighestSequenceWinsWhateverTheOrder() {
        last.offer("s:a", 2, 0, false);
        last.offer("s:a", 3, 0, true);
        last.offer("s:a", 1, 0, true);

        assertThat(last.get("s:a")).isEqualTo(new LastEvents.Last(3, 0, true));
        assertThat(last.size()).isEqualTo(1);
    }

    @Test
    void anEndorsementNeverOfferedHasNoLastEvent() {
        last.offer("s:a", 1, 0, true);

        assertThat(last.get("s:b")).isNull();
    }

    @Test
    void aMillionEndorsementsThatDifferOnlyInTheirLastCharactersStayApart() {
        int count = 1_000_000;
        for (int i = 0; i < count; i++) {
            last.offer("growth-statement:growth-organization-" + i, i % 7, i % 3, i % 2 == 0);
        }

        assertThat(last.size()).isEqualTo(count);
        assertThat(last.get("growth-statement:growth-organization-999998"))
                .isEqualTo(new LastEvents.Last(999998 % 7, 999998 % 3, true));
        AtomicInteger endorsed = new AtomicInteger();
        last.forEach(l -> {
            if (l.endorsed()) {
                endorsed.incrementAndGet();
            }
        });
        assertThat(endorsed).hasValue(count / 2);
    }

    @Test
    void theLargestSequenceAndStatementIndexThatFitComeBackWhole() {
        long sequence = (1L << 38) - 1;
        int statement = (1 << 24) - 1;
        last.offer("s:a", sequence, statement, true);
        last.offer("s:b", sequence - 1, statement - 1, false);

        assertThat(last.get("s:a")).isEqualTo(new LastEvents.Last(sequence, statement, true));
        assertThat(last.get("s:b")).isEqualTo(new LastEvents.Last(sequence - 1, statement - 1, false));
    }

    @Test
    void aStatementIndexBeyondWhatFitsIsRefused() {
        assertThatThrownBy(() -> last.offer("s:a", 1, 1 << 24, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
