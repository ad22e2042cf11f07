package org.endorsements.query.growth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Growth points of one statement, hourly as stored or summed per UTC day, and the steps of its count: the instants
 * at which it changed, to the minute in an hourly series and to the hour in a daily one, so that a chart shows the
 * count flat where nothing happened and rising only where it did. A range with more minute steps than a reader
 * should get falls back to hourly ones.
 */
public final class GrowthSeries {

    public enum Interval {
        HOUR,
        DAY
    }

    /**
     * One interval with activity: signatures added and withdrawn by their signers, and endorsements invalidated and
     * reinstated by moderation, apart; {@code net} is the sum of all four with their signs.
     */
    public record Point(
            Instant start, long added, long withdrawn, long invalidated, long reinstated, long net, long cumulative) {}

    /** The count became {@code cumulative} at {@code at}. */
    public record Step(Instant at, long cumulative) {}

    private GrowthSeries() {}

    /** Buckets must be in hour order; a day's cumulative total is that of its last active hour. */
    public static List<Point> of(List<GrowthBucket> hourly, Interval interval) {
        List<Point> points = new ArrayList<>();
        for (GrowthBucket b : hourly) {
            Instant start = interval == Interval.DAY ? b.getHour().truncatedTo(ChronoUnit.DAYS) : b.getHour();
            Point last = points.isEmpty() ? null : points.get(points.size() - 1);
            if (last != null && last.start().equals(start)) {
                points.set(
                        points.size() - 1,
                        new Point(
                                start,
                                last.added() + b.getAdded(),
                                last.withdrawn() + b.getWithdrawn(),
                                last.invalidated() + b.getInvalidated(),
                                last.reinstated() + b.getReinstated(),
                                last.net() + b.getNet(),
                                b.getCumulative()));
            } else {
                points.add(new Point(
                        start,
                        b.getAdded(),
                        b.getWithdrawn(),
                        b.getInvalidated(),
                        b.getReinstated(),
                        b.getNet(),
                        b.getCumulative()));
            }
        }
        return points;
    }

    /** The count just before the first change of these buckets (0 for a statement's first). */
    public static long before(List<GrowthBucket> hourly) {
        return hourly.isEmpty()
                ? 0
                : hourly.get(0).getCumulative() - hourly.get(0).getNet();
    }

    /**
     * Buckets must be in hour order. Hourly: each minute's last change, unless the range has more than
     * {@code maxSteps} of them; daily (or too many): each hour's last change. A bucket projected before its changes
     * were kept gives one step, at the start of its hour.
     */
    public static List<Step> steps(List<GrowthBucket> hourly, Interval interval, int maxSteps) {
        int minuteSteps = hourly.stream().mapToInt(b -> b.getChanges().size()).sum();
        boolean minutes = interval == Interval.HOUR && minuteSteps <= maxSteps;
        List<Step> steps = new ArrayList<>();
        for (GrowthBucket b : hourly) {
            List<GrowthBucket.Change> changes = b.getChanges();
            if (changes.isEmpty()) {
                steps.add(new Step(b.getHour(), b.getCumulative()));
            } else if (minutes) {
                changes.forEach(c -> steps.add(new Step(c.at(), c.cumulative())));
            } else {
                GrowthBucket.Change last = changes.get(changes.size() - 1);
                steps.add(new Step(last.at(), last.cumulative()));
            }
        }
        return steps;
    }
}
