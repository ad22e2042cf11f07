package org.endorsements.query.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.endorsements.query.growth.GrowthSeries.Interval;
import org.endorsements.query.growth.GrowthSeries.Step;
import org.junit.jupiter.api.Test;

class GrowthSeriesTest {

    private static final Instant IMPORT = Instant.parse("2026-11-01T17:02:05Z");

    /** The seed: 110 letter entries recorded within a minute, then one more signature two days later. */
    private static List<GrowthBucket> theSeedAndOneLaterSignature() {
        GrowthBucket seed = GrowthBucket.empty("s", IMPORT);
        for (int i = 1; i <= 110; i++) {
            seed.added(IMPORT.plusMillis(500L * (i - 1)), i, i);
        }
        Instant later = Instant.parse("2026-11-03T08:30:00Z");
        GrowthBucket next = GrowthBucket.empty("s", later);
        next.added(later, 111, 111);
        return List.of(seed, next);
    }

    @Test
    void aBurstOfSignaturesWithinAMinuteIsAStepWithinThatMinuteNotARiseAcrossTheHour() {
        List<Step> steps = GrowthSeries.steps(theSeedAndOneLaterSignature(), Interval.HOUR);

        assertThat(steps)
                .containsExactly(
                        new Step(IMPORT, 1),
                        new Step(IMPORT.plusMillis(500L * 109), 110),
                        new Step(Instant.parse("2026-11-03T08:30:00Z"), 111));
    }

    @Test
    void aDaysStepsAreItsFirstAndLastChangeWhateverHoursItHad() {
        List<GrowthBucket> buckets = new ArrayList<>();
        Instant day = Instant.parse("2026-11-01T00:00:00Z");
        for (int hour = 0; hour < 24; hour++) {
            GrowthBucket bucket = GrowthBucket.empty("s", day.plusSeconds(3600L * hour));
            bucket.added(day.plusSeconds(3600L * hour + 60), hour + 1, hour + 1);
            buckets.add(bucket);
        }

        assertThat(GrowthSeries.steps(buckets, Interval.DAY))
                .containsExactly(new Step(day.plusSeconds(60), 1), new Step(day.plusSeconds(3600L * 23 + 60), 24));
        assertThat(GrowthSeries.steps(buckets, Interval.HOUR)).hasSize(24);
    }

    @Test
    void theCountBeforeTheFirstStepIsTheFirstBucketsCountLessItsNetChange() {
        GrowthBucket later = GrowthBucket.empty("s", IMPORT);
        later.added(IMPORT, 41, 41);
        later.withdrawn(IMPORT.plusSeconds(5), 40, 42);

        assertThat(GrowthSeries.before(List.of(later))).isEqualTo(40);
        assertThat(GrowthSeries.before(List.of())).isZero();
    }
}
