package org.endorsements.query.growth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Growth points of one statement, hourly as stored or summed per UTC day. */
public final class GrowthSeries {

    public enum Interval {
        HOUR,
        DAY
    }

    public record Point(Instant start, long added, long withdrawn, long net, long cumulative) {}

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
}
