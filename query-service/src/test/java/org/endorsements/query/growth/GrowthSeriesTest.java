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
    private static final Instant LATER_THAT_HOUR = Instant.parse("2026-11-01T17:40:00Z");
    private static final int MAX_STEPS = 10_000;

    /** The seed: 110 letter entries recorded within a minute, then one more signature later in the same hour. */
    private static List<GrowthBucket> theSeedAndOneLaterSignature() {
        GrowthBucket hour = GrowthBucket.empty("s", IMPORT);
        for (int i = 1; i <= 110; i++) {
            hour.added(IMPORT.plusMillis(400L * (i - 1)), i, i);
        }
        hour.added(LATER_THAT_HOUR, 111, 111);
        return List.of(hour);
    }

    @Test
    void aBurstOfSignaturesWithinAMinuteIsOneStepInThatMinuteNotARiseAcrossTheHour() {
        assertThat(GrowthSeries.steps(theSeedAndOneLaterSignature(), Interval.HOUR, MAX_STEPS))
                .containsExactly(new Step(IMPORT.plusMillis(400L * 109), 110), new Step(LATER_THAT_HOUR, 111));
    }

    @Test
    void aDailySeriesStepsAtTheLastChangeOfEachHour() {
        List<GrowthBucket> buckets = new ArrayList<>();
        Instant day = Instant.parse("2026-11-01T00:00:00Z");
        for (int hour = 0; hour < 3; hour++) {
            GrowthBucket bucket = GrowthBucket.empty("s", day.plusSeconds(3600L * hour));
            bucket.added(day.plusSeconds(3600L * hour + 60), 2 * hour + 1, 2 * hour + 1);
            bucket.added(day.plusSeconds(3600L * hour + 600), 2 * hour + 2, 2 * hour + 2);
            buckets.add(bucket);
        }

        assertThat(GrowthSeries.steps(buckets, Interval.DAY, MAX_STEPS))
                .containsExactly(
                        new Step(day.plusSeconds(600), 2),
                        new Step(day.plusSeconds(3600 + 600), 4),
                        new Step(day.plusSeconds(7200 + 600), 6));
        assertThat(GrowthSeries.steps(buckets, Interval.HOUR, MAX_STEPS)).hasSize(6);
    }

    @Test
    void anHourlySeriesWithMoreMinuteStepsThanAllowedStepsEachHour() {
        List<GrowthBucket> buckets = theSeedAndOneLaterSignature();

        assertThat(GrowthSeries.steps(buckets, Interval.HOUR, 1)).containsExactly(new Step(LATER_THAT_HOUR, 111));
    }

    @Test
    void anHourNeverKeepsMoreThanSixtyChangesEvenIfItsClockStepsBack() {
        GrowthBucket hour = GrowthBucket.empty("s", IMPORT);
        for (int i = 0; i < 200; i++) {
            hour.added(IMPORT.plusSeconds(60L * (i % 2 == 0 ? i % 50 : 49 - i % 50)), i + 1, i + 1);
        }

        assertThat(hour.getChanges()).hasSizeLessThanOrEqualTo(60);
        assertThat(hour.getChanges().get(hour.getChanges().size() - 1).cumulative())
                .isEqualTo(200);
    }

    @Test
    void theCountBeforeTheFirstStepIsTheFirstBucketsCountLessItsNetChange() {
        GrowthBucket later = GrowthBucket.empty("s", IMPORT);
        later.added(IMPORT, 41, 41);
        later.withdrawn(IMPORT.plusSeconds(5), 40, 42);

        assertThat(GrowthSeries.before(List.of(later))).isEqualTo(40);
        assertThat(GrowthSeries.before(List.of())).isZero();
    }

    /** A moderation clean-up: two forged signatures invalidated, one of them reinstated, after three signatures. */
    private static GrowthBucket threeSignaturesTwoInvalidatedOneReinstated() {
        GrowthBucket hour = GrowthBucket.empty("s", IMPORT);
        hour.added(IMPORT, 1, 1);
        hour.added(IMPORT.plusSeconds(1), 2, 2);
        hour.added(IMPORT.plusSeconds(2), 3, 3);
        hour.invalidated(IMPORT.plusSeconds(120), 2, 4);
        hour.invalidated(IMPORT.plusSeconds(121), 1, 5);
        hour.reinstated(IMPORT.plusSeconds(600), 2, 6);
        return hour;
    }

    @Test
    void anInvalidationIsCountedApartFromTheWithdrawalsOfSigners() {
        GrowthBucket hour = threeSignaturesTwoInvalidatedOneReinstated();

        assertThat(hour.getWithdrawn()).isZero();
        assertThat(hour.getInvalidated()).isEqualTo(2);
        assertThat(hour.getReinstated()).isEqualTo(1);
        assertThat(hour.getNet()).isEqualTo(2);
        assertThat(hour.getCumulative()).isEqualTo(2);
    }

    @Test
    void aDayAddsUpItsHoursInvalidationsAndReinstatementsEachInItsOwnSeries() {
        GrowthBucket later = GrowthBucket.empty("s", LATER_THAT_HOUR.plusSeconds(3600));
        later.withdrawn(LATER_THAT_HOUR.plusSeconds(3600), 1, 7);

        assertThat(GrowthSeries.of(List.of(threeSignaturesTwoInvalidatedOneReinstated(), later), Interval.DAY))
                .containsExactly(new GrowthSeries.Point(Instant.parse("2026-11-01T00:00:00Z"), 3, 1, 2, 1, 1, 1));
    }

    @Test
    void theCountStepsDownAtAnInvalidationAndBackUpAtAReinstatement() {
        assertThat(GrowthSeries.steps(List.of(threeSignaturesTwoInvalidatedOneReinstated()), Interval.HOUR, MAX_STEPS))
                .containsExactly(
                        new Step(IMPORT.plusSeconds(2), 3),
                        new Step(IMPORT.plusSeconds(121), 1),
                        new Step(IMPORT.plusSeconds(600), 2));
    }
}
