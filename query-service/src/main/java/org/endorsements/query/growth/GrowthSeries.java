package org.endorsements.query.growth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Growth points of one statement, hourly as stored or summed per UTC day, and the steps of its count: the instants
 * at which the count changed, at most two per interval (its first and its last change), so that a chart shows the
 * count flat where nothing happened and rising only where it did, with a series as long as the bars' at most twice.
 */
public final class GrowthSeries {

    public enum Interval {
        HOUR,
        DAY
    }

    public record Point(Instant start, long added, long withdrawn, long net, long cumulative) {}

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
                                last.net() + b.getNet(),
                                b.getCumulative()));
            } else {
                points.add(new Point(start, b.getAdded(), b.getWithdrawn(), b.getNet(), b.getCumulative()));
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
     * Buckets must be in hour order. Within an interval the changes between its first and last are not kept; the
     * step at the last change carries them. A bucket projected before the instants were kept gives one step, at
     * the start of its hour.
     */
    public static List<Step> steps(List<GrowthBucket> hourly, Interval interval) {
        List<Step> steps = new ArrayList<>();
        Instant period = null;
        Step first = null;
        Step last = null;
        for (GrowthBucket b : hourly) {
            Instant start = interval == Interval.DAY ? b.getHour().truncatedTo(ChronoUnit.DAYS) : b.getHour();
            if (!start.equals(period)) {
                addPeriod(steps, first, last);
                period = start;
                first = b.getFirstAt() == null
                        ? new Step(b.getHour(), b.getCumulative())
                        : new Step(b.getFirstAt(), b.getFirstCumulative());
            }
            last = b.getLastAt() == null
                    ? new Step(b.getHour(), b.getCumulative())
                    : new Step(b.getLastAt(), b.getCumulative());
        }
        addPeriod(steps, first, last);
        return steps;
    }

    private static void addPeriod(List<Step> steps, Step first, Step last) {
        if (first != null) {
            steps.add(first);
            if (!last.equals(first)) {
                steps.add(last);
            }
        }
    }
}
